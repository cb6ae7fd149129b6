namespace OrpheusLive.Spotify.Http;

/// <summary>The names of the <see cref="System.Net.Http.IHttpClientFactory"/> clients this library registers.</summary>
public static class SpotifyHttpClientNames
{
    /// <summary>The Web API client (base address <see cref="SpotifyOptions.ApiBaseUrl"/>).</summary>
    public const string Api = "OrpheusLive.Spotify.Api";

    /// <summary>The accounts client (base address <see cref="SpotifyOptions.AccountsBaseUrl"/>).</summary>
    public const string Accounts = "OrpheusLive.Spotify.Accounts";
}
