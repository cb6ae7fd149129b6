namespace OrpheusLive.Library.Storage;

/// <summary>What the last clustering of the library found.</summary>
/// <param name="K">Clusters chosen.</param>
/// <param name="Silhouette">Mean silhouette of that k (−1…1; null when there were too few tracks to compute one).</param>
/// <param name="Tracks">Tracks clustered.</param>
/// <param name="ClusteredAt">When (UTC).</param>
public sealed record ClusteringInfo(int K, double? Silhouette, int Tracks, DateTimeOffset ClusteredAt);
