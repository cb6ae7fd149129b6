namespace OrpheusLive.Api.Contracts;

/// <summary><c>GET /api/tracks</c>: the library's tracks (of one mood with <c>?mood=</c>), by id.</summary>
/// <param name="Mood">The mood asked for, or null for every track.</param>
/// <param name="Count">How many tracks.</param>
/// <param name="Tracks">The tracks, without features.</param>
public sealed record TracksResponse(string? Mood, int Count, IReadOnlyList<TrackResponse> Tracks);
