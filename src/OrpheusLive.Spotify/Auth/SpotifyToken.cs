namespace OrpheusLive.Spotify.Auth;

/// <summary>
/// The saved Spotify login (the token file's content). <see cref="ToString"/> never shows the tokens, so a token that
/// ends up in a log line or an exception message by accident stays secret.
/// </summary>
public sealed class SpotifyToken
{
    /// <summary>The bearer token for Web API calls.</summary>
    public required string AccessToken { get; init; }

    /// <summary>
    /// The refresh token of the login. Since June 2026 Spotify no longer sends a new one on refresh: this one is reused
    /// until it expires, 6 months after the login (then Spotify answers <c>invalid_grant</c> and the user logs in again).
    /// </summary>
    public required string RefreshToken { get; init; }

    /// <summary>When <see cref="AccessToken"/> stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The granted scopes, space-separated.</summary>
    public string? Scope { get; init; }

    /// <summary>True when all the secrets are present (a hand-edited or truncated file may lack some).</summary>
    internal bool IsComplete => !string.IsNullOrWhiteSpace(AccessToken) && !string.IsNullOrWhiteSpace(RefreshToken);

    /// <inheritdoc />
    public override string ToString() => $"SpotifyToken(expires {ExpiresAt:u}, scope '{Scope}')";
}
