using OrpheusLive.Storage;

namespace OrpheusLive.Spotify;

/// <summary>
/// Settings of the Spotify player, bound from the <c>Spotify</c> configuration section
/// (<c>--Spotify:ClientId=…</c>, env <c>Spotify__ClientId</c>, or the user's appsettings).
/// </summary>
public sealed class SpotifyOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Spotify";

    /// <summary>The token file name used when <see cref="TokenFile"/> is not set.</summary>
    public const string DefaultTokenFileName = "spotify-token.json";

    /// <summary>
    /// The Client ID of the user's own Spotify app (developer dashboard). Required for login and playback;
    /// other settings work without it.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The Web API base address; tests point it at a loopback fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.spotify.com/v1/";

    /// <summary>The accounts service base address (authorize and token endpoints).</summary>
    public string AccountsBaseUrl { get; set; } = "https://accounts.spotify.com/";

    /// <summary>
    /// The loopback port of the login callback. The redirect URI <c>http://127.0.0.1:PORT/callback</c> must be registered,
    /// exactly, in the Spotify app's settings.
    /// </summary>
    public int RedirectPort { get; set; } = 5173;

    /// <summary>The Spotify Connect device (name or id) to transfer playback to when no device is active.</summary>
    public string? PreferredDevice { get; set; }

    /// <summary>Forces shuffle on or off; null (the default) follows each mood's own setting.</summary>
    public bool? Shuffle { get; set; }

    /// <summary>Lowers the volume before switching music and raises it back afterwards, instead of a hard cut.</summary>
    public bool FadeVolume { get; set; }

    /// <summary>
    /// Where the login tokens are kept. Relative paths are resolved against the user configuration directory;
    /// empty means <c>spotify-token.json</c> there.
    /// </summary>
    public string? TokenFile { get; set; }

    /// <summary>How long <c>orpheus login</c> waits for the browser to come back.</summary>
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How HTTP failures are retried.</summary>
    public SpotifyResilienceOptions Resilience { get; set; } = new();

    /// <summary>The redirect URI for the login callback. Spotify refuses <c>localhost</c>, hence the literal address.</summary>
    public Uri RedirectUri => new($"http://127.0.0.1:{RedirectPort}/callback");

    /// <summary>The full path of the token file.</summary>
    public string TokenFilePath
    {
        get
        {
            var configured = string.IsNullOrWhiteSpace(TokenFile) ? DefaultTokenFileName : TokenFile.Trim();
            return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(UserPaths.ConfigDirectory, configured));
        }
    }

    /// <summary>True when a client id is configured.</summary>
    public bool HasClientId => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary><see cref="ApiBaseUrl"/> as a URI ending in a slash (so relative paths append instead of replacing).</summary>
    internal Uri ApiBaseUri => WithTrailingSlash(ApiBaseUrl);

    /// <summary><see cref="AccountsBaseUrl"/> as a URI ending in a slash.</summary>
    internal Uri AccountsBaseUri => WithTrailingSlash(AccountsBaseUrl);

    private static Uri WithTrailingSlash(string url) => new(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
}
