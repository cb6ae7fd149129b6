namespace OrpheusLive.Library.Clustering;

/// <summary>The clusters and the 2-D map of a set of tracks, in the order they were given.</summary>
/// <param name="K">Clusters chosen.</param>
/// <param name="Silhouette">Mean silhouette of the chosen k (null with fewer than 3 tracks).</param>
/// <param name="Clusters">Cluster (0-based) per track.</param>
/// <param name="Map">First two principal components per track.</param>
/// <param name="SilhouetteByK">Mean silhouette of every k tried (for the report and the elbow).</param>
public sealed record ClusteringResult(int K, double? Silhouette, int[] Clusters, (double X, double Y)[] Map, IReadOnlyDictionary<int, double> SilhouetteByK);
