using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace OrpheusLive.Library.Clustering;

/// <summary>
/// Groups tracks by their standardised features and lays them out in 2-D, with ML.NET: mean–variance normalisation,
/// k-means (k-means++ initialisation, one thread, fixed seed) for every k from 2 to the maximum, k chosen by the highest
/// mean silhouette (Rousseeuw 1987; computed here — ML.NET has no silhouette), and PCA to two components for the map.
/// Deterministic: the same feature vectors give the same clusters and map.
/// </summary>
/// <param name="seed">The seed of ML.NET's random choices.</param>
public sealed class LibraryClusterer(int seed = 1)
{
    /// <summary>Clusters <paramref name="vectors"/> (all of one length) into the k in 2…<paramref name="maxK"/> with the best silhouette.</summary>
    public ClusteringResult Cluster(IReadOnlyList<double[]> vectors, int maxK = 8)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var n = vectors.Count;
        if (n == 0) return new ClusteringResult(0, null, [], [], new Dictionary<int, double>());
        var dimension = vectors[0].Length;
        if (n < 3) return new ClusteringResult(1, null, new int[n], new (double, double)[n], new Dictionary<int, double>());

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var rows = vectors.Select(v => new Row { Features = [.. v.Select(x => double.IsFinite(x) ? (float)x : 0f)] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var normalised = ml.Transforms.NormalizeMeanVariance(nameof(Row.Features)).Fit(data).Transform(data);
        var standardised = ml.Data.CreateEnumerable<Row>(normalised, reuseRowObject: false, schemaDefinition: schema).Select(r => r.Features).ToArray();

        var byK = new Dictionary<int, double>();
        int[]? best = null;
        var bestK = 1;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = 2; k <= Math.Min(maxK, n - 1); k++)
        {
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = nameof(Row.Features),
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 200,
            });
            var predictions = trainer.Fit(normalised).Transform(normalised);
            var labels = predictions.GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();
            var silhouette = Silhouette(standardised, labels, k);
            byK[k] = silhouette;
            if (silhouette > bestSilhouette + 1e-9)
            {
                bestSilhouette = silhouette;
                bestK = k;
                best = labels;
            }
        }

        var pca = ml.Transforms.ProjectToPrincipalComponents("Map", nameof(Row.Features), rank: 2, overSampling: 20, ensureZeroMean: true, seed: seed)
            .Fit(normalised).Transform(normalised);
        var map = pca.GetColumn<VBuffer<float>>("Map").Select(v =>
        {
            var d = v.DenseValues().ToArray();
            return ((double)d[0], d.Length > 1 ? (double)d[1] : 0);
        }).ToArray();
        return new ClusteringResult(bestK, best is null ? null : bestSilhouette, best ?? new int[n], map, byK);
    }

    /// <summary>Mean silhouette: for each point, (b − a) / max(a, b) with a its mean distance to its own cluster, b to the nearest other.</summary>
    internal static double Silhouette(float[][] points, int[] labels, int k)
    {
        var n = points.Length;
        var sizes = new int[k];
        foreach (var l in labels) sizes[l]++;
        double total = 0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                if (i == j) continue;
                sums[labels[j]] += Distance(points[i], points[j]);
            }
            var own = labels[i];
            if (sizes[own] <= 1) continue; // a singleton's silhouette is 0
            var a = sums[own] / (sizes[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            }
            if (b == double.MaxValue) continue;
            total += (b - a) / Math.Max(a, b);
        }
        return total / n;
    }

    private static double Distance(float[] x, float[] y)
    {
        double sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - y[i];
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
