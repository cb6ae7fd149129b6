namespace OrpheusLive.Spotify.Api;

/// <summary>Spotify's error object (<c>ErrorObject</c>, plus the player's <c>reason</c>).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Message">A short description.</param>
/// <param name="Reason">The player error reason (<c>NO_ACTIVE_DEVICE</c>, ...), when given.</param>
internal sealed record SpotifyErrorObject(int Status, string? Message, string? Reason);
