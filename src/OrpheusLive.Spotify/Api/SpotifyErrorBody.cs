namespace OrpheusLive.Spotify.Api;

/// <summary>The body of a Web API error: <c>{"error":{"status":…,"message":…,"reason":…}}</c>.</summary>
/// <param name="Error">The error.</param>
internal sealed record SpotifyErrorBody(SpotifyErrorObject? Error);
