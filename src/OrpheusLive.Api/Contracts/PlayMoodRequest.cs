namespace OrpheusLive.Api.Contracts;

/// <summary>The body of <c>POST /api/play</c>: <c>{"mood":"chill"}</c>.</summary>
/// <param name="Mood">A mood of the mapping (<c>GET /api/moods</c>), case-insensitive.</param>
public sealed record PlayMoodRequest(string? Mood);
