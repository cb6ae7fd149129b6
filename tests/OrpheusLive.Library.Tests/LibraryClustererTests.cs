using OrpheusLive.Library.Clustering;

namespace OrpheusLive.Library.Tests;

public sealed class LibraryClustererTests
{
    private static List<double[]> Blobs(int perBlob, int seed)
    {
        var random = new Random(seed);
        var centres = new[] { 0.0, 8.0, -8.0 };
        var vectors = new List<double[]>();
        foreach (var c in centres)
            for (var i = 0; i < perBlob; i++)
                vectors.Add([.. Enumerable.Range(0, 10).Select(d => (d % 3 == 0 ? c : c / 2) + random.NextDouble() - 0.5)]);
        return vectors;
    }

    [Fact]
    public void Three_separated_groups_are_found_as_three_clusters_by_silhouette()
    {
        var result = new LibraryClusterer().Cluster(Blobs(15, 3), maxK: 6);

        result.K.ShouldBe(3);
        result.Silhouette!.Value.ShouldBeGreaterThan(0.7);
        for (var g = 0; g < 3; g++) result.Clusters.Skip(15 * g).Take(15).Distinct().Count().ShouldBe(1);
        result.Clusters.Distinct().Count().ShouldBe(3);
        result.SilhouetteByK.Keys.Order().ShouldBe([2, 3, 4, 5, 6]);
    }

    [Fact]
    public void Clustering_the_same_library_twice_gives_the_same_clusters_and_map()
    {
        var vectors = Blobs(10, 5);

        var first = new LibraryClusterer().Cluster(vectors);
        var second = new LibraryClusterer().Cluster(vectors);

        second.Clusters.ShouldBe(first.Clusters);
        second.Map.ShouldBe(first.Map);
    }

    [Fact]
    public void The_map_spreads_the_groups_apart_along_the_first_component()
    {
        var result = new LibraryClusterer().Cluster(Blobs(10, 9));
        var means = Enumerable.Range(0, 3).Select(g => result.Map.Skip(10 * g).Take(10).Average(p => p.X)).ToArray();

        Math.Abs(means[1] - means[2]).ShouldBeGreaterThan(2);
    }

    [Fact]
    public void Fewer_than_three_tracks_are_one_cluster_without_a_silhouette()
    {
        var result = new LibraryClusterer().Cluster([[1.0, 2.0], [3.0, 4.0]]);

        result.K.ShouldBe(1);
        result.Silhouette.ShouldBeNull();
        result.Clusters.ShouldBe([0, 0]);
    }
}
