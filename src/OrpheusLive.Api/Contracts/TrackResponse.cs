using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Api.Contracts;

/// <summary>One track of the music library (<c>GET /api/tracks</c> lists these; <c>GET /api/tracks/{id}</c> adds the features).</summary>
/// <param name="Id">The track's id.</param>
/// <param name="Path">Its first path.</param>
/// <param name="Paths">Every path its content was seen at.</param>
/// <param name="Status"><c>analysed</c> or <c>failed</c>.</param>
/// <param name="Error">Why analysis failed, or null.</param>
/// <param name="Format">The format that decoded it.</param>
/// <param name="DurationS">Length in seconds.</param>
/// <param name="TempoBpm">Tempo.</param>
/// <param name="Valence">Valence in [-1, 1].</param>
/// <param name="Arousal">Arousal in [-1, 1].</param>
/// <param name="Mood">The mood nearest to its point.</param>
/// <param name="Cluster">The k-means cluster.</param>
/// <param name="MapX">The PCA map's x.</param>
/// <param name="MapY">The PCA map's y.</param>
public sealed record TrackResponse(
    long Id,
    string? Path,
    IReadOnlyList<string> Paths,
    string Status,
    string? Error,
    string? Format,
    double? DurationS,
    double? TempoBpm,
    double? Valence,
    double? Arousal,
    string? Mood,
    int? Cluster,
    double? MapX,
    double? MapY)
{
    /// <summary>All features (loudness, tempo, spectral, MFCC, chroma, key, dynamics); only on <c>GET /api/tracks/{id}</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public TrackFeatures? Features { get; init; }
}
