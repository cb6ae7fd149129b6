using OrpheusLive.Api.Contracts;
using OrpheusLive.Library;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// The music library as the API reads it: tracks in the API's shape, the map as image bytes. Opens the library on
/// first use; without one (or when it cannot be opened) every call throws a <see cref="LibraryStoreException"/> whose
/// message says why, which the endpoints answer with 503.
/// </summary>
/// <param name="library">The app's library, or null when this server has none.</param>
public sealed class TrackCatalog(Lazy<MusicLibrary>? library)
{
    private MusicLibrary Library => library?.Value ?? throw new LibraryStoreException("This server has no music library; run `orpheus serve` from the app.");

    /// <summary>Every track, or the analysed tracks of <paramref name="mood"/>, by id.</summary>
    public IReadOnlyList<TrackResponse> List(string? mood) => [.. Library.List(string.IsNullOrWhiteSpace(mood) ? null : mood.Trim().ToLowerInvariant()).Select(t => ToResponse(t, withFeatures: false))];

    /// <summary>One track with its features, or null.</summary>
    public TrackResponse? Get(long id) => Library.Get(id) is { } t ? ToResponse(t, withFeatures: true) : null;

    /// <summary>The map as PNG or SVG bytes, or null when no track is analysed yet.</summary>
    public byte[]? Map(string extension)
    {
        var lib = Library;
        if (!lib.List().Any(t => t.Status == TrackStatus.Analysed)) return null;
        var file = Path.Combine(Path.GetTempPath(), $"orpheus-map-{Guid.NewGuid():N}{extension}");
        try
        {
            lib.RenderMap(file);
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static TrackResponse ToResponse(TrackRecord t, bool withFeatures) => new(
        t.Id, t.Paths.FirstOrDefault(), t.Paths, t.Status.ToString().ToLowerInvariant(), t.Error, t.Format,
        Round(t.DurationSeconds, 3), Round(t.TempoBpm, 2), Round(t.Valence, 4), Round(t.Arousal, 4), t.Mood, t.Cluster,
        Round(t.MapX, 4), Round(t.MapY, 4))
    {
        Features = withFeatures ? t.Features : null,
    };

    private static double? Round(double? value, int digits) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}
