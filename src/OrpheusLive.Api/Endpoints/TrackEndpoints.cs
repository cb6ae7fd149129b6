using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// The music library, read-only (issue #11; the seeds' /track, /feature, /mood): <c>GET /api/tracks?mood=…</c>,
/// <c>GET /api/tracks/{id}</c> (with features), <c>GET /api/library/map.png</c> and <c>.svg</c>. Scans are
/// <c>orpheus library scan</c> or <see cref="LibraryScanEndpoints"/>. A library that cannot be used answers 503 with the reason (naming the database).
/// </summary>
public static class TrackEndpoints
{
    /// <summary>Maps the endpoints onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapTrackEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/tracks", GetTracks).WithName("GetTracks");
        api.MapGet("/tracks/{id:long}", GetTrack).WithName("GetTrack");
        api.MapGet("/library/map.png", (TrackCatalog catalog) => GetMap(catalog, ".png", "image/png")).WithName("GetLibraryMapPng");
        api.MapGet("/library/map.svg", (TrackCatalog catalog) => GetMap(catalog, ".svg", "image/svg+xml")).WithName("GetLibraryMapSvg");
        return api;
    }

    /// <summary>Every track of the library, or the analysed tracks of <paramref name="mood"/>.</summary>
    public static Results<Ok<TracksResponse>, JsonHttpResult<ErrorResponse>> GetTracks(TrackCatalog catalog, string? mood)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            var tracks = catalog.List(mood);
            return TypedResults.Ok(new TracksResponse(string.IsNullOrWhiteSpace(mood) ? null : mood.Trim().ToLowerInvariant(), tracks.Count, tracks));
        }
        catch (LibraryStoreException e)
        {
            return Unavailable(e);
        }
    }

    /// <summary>One track with its features; 404 when the id is unknown.</summary>
    public static Results<Ok<TrackResponse>, JsonHttpResult<ErrorResponse>> GetTrack(TrackCatalog catalog, long id)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return catalog.Get(id) is { } track
                ? TypedResults.Ok(track)
                : ApiErrors.Create(StatusCodes.Status404NotFound, $"No track {id} in the library; GET /api/tracks lists them.");
        }
        catch (LibraryStoreException e)
        {
            return Unavailable(e);
        }
    }

    /// <summary>The map of the library (valence–arousal plane by mood, PCA by cluster); 404 before anything is analysed.</summary>
    public static Results<FileContentHttpResult, JsonHttpResult<ErrorResponse>> GetMap(TrackCatalog catalog, string extension, string contentType)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return catalog.Map(extension) is { } bytes
                ? TypedResults.Bytes(bytes, contentType)
                : ApiErrors.Create(StatusCodes.Status404NotFound, "The library has no analysed track to draw; run `orpheus library scan DIR` first.");
        }
        catch (LibraryStoreException e)
        {
            return Unavailable(e);
        }
    }

    private static JsonHttpResult<ErrorResponse> Unavailable(LibraryStoreException e) =>
        ApiErrors.Create(StatusCodes.Status503ServiceUnavailable, e.Message);
}
