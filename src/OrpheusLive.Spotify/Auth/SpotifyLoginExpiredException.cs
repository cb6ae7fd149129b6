using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Auth;

/// <summary>
/// Spotify answered <c>invalid_grant</c> to the refresh: the login is gone for good (since June 2026 a refresh token
/// expires 6 months after the login, and the user can revoke it at any time). The saved login has been removed; only
/// <c>orpheus login</c> helps. Players report it as the warning <c>spotify.login-expired</c>, and <c>auto</c> hands
/// the music to the built-in player.
/// </summary>
public sealed class SpotifyLoginExpiredException() : SpotifyAuthException(SpotifyMessages.LoginExpired);
