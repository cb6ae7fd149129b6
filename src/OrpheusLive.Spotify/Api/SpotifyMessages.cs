namespace OrpheusLive.Spotify.Api;

/// <summary>The user-facing texts shared by the client, the player and the commands, so they read the same everywhere.</summary>
public static class SpotifyMessages
{
    /// <summary>No answer from Spotify.</summary>
    public const string Unreachable = "Spotify unreachable — still listening, will retry on the next change.";

    /// <summary>The account cannot control playback.</summary>
    public const string PremiumRequired = "Spotify Premium is required for playback control.";

    /// <summary>The refresh token was refused (<c>invalid_grant</c>): the login is gone.</summary>
    public const string LoginExpired =
        "Your Spotify login has expired or was revoked; run 'orpheus login' to log in again (a Spotify login lasts 6 months).";

    /// <summary>
    /// A 403 "the user may not be registered": the account is not on the allow-list of the user's own (development-mode)
    /// app.
    /// </summary>
    public const string UserNotRegistered =
        "Spotify refused this account: an app in development mode only serves the accounts listed under User Management in its " +
        "developer dashboard (at most 5; the app's owner needs Premium). Add this account there, then try again.";

    /// <summary>No token file.</summary>
    public const string NotLoggedIn = "Not logged in to Spotify: run `orpheus login`.";

    /// <summary>No client id configured.</summary>
    public const string ClientIdMissing =
        "Spotify:ClientId is not set: register an app at https://developer.spotify.com/dashboard and pass its Client ID with " +
        "--Spotify:ClientId=…, the environment variable Spotify__ClientId, or the user appsettings (see docs/spotify.md).";

    /// <summary>A rate-limit answer with the wait Spotify asked for.</summary>
    public static string RateLimited(TimeSpan wait) =>
        $"Spotify rate limit reached: rate limited, retrying in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s (on the next change).";
}
