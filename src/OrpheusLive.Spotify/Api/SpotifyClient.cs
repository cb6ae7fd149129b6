using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Http;

namespace OrpheusLive.Spotify.Api;

/// <summary>
/// The Spotify Web API calls OrpheusLive makes. Every call adds the bearer token, refreshes it once on 401, goes through
/// the retry pipeline, and turns failures into <see cref="SpotifyApiException"/> with a user-facing message.
/// </summary>
public sealed class SpotifyClient
{
    /// <summary>The most playlists <see cref="GetMyPlaylistsAsync"/> reads (20 pages).</summary>
    public const int MaxPlaylists = 1000;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SpotifyTokenProvider _tokens;
    private readonly SpotifyRequestSender _sender;

    internal SpotifyClient(IHttpClientFactory httpClientFactory, SpotifyTokenProvider tokens, SpotifyRequestSender sender)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _sender = sender;
    }

    /// <summary><c>GET /me/player/devices</c>: the user's Spotify Connect devices.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public async Task<IReadOnlyList<SpotifyDevice>> GetDevicesAsync(CancellationToken cancellationToken)
    {
        var list = await GetJsonAsync("me/player/devices", SpotifyJsonContext.Default.SpotifyDeviceList, cancellationToken).ConfigureAwait(false);
        return list?.Devices ?? [];
    }

    /// <summary><c>GET /me/player</c>: the playback state, or null when nothing is active (204).</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task<SpotifyPlaybackState?> GetPlaybackStateAsync(CancellationToken cancellationToken) =>
        GetJsonAsync("me/player", SpotifyJsonContext.Default.SpotifyPlaybackState, cancellationToken);

    /// <summary><c>GET /me</c>: the logged-in user (with the account type).</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public async Task<SpotifyUser> GetMeAsync(CancellationToken cancellationToken) =>
        await GetJsonAsync("me", SpotifyJsonContext.Default.SpotifyUser, cancellationToken).ConfigureAwait(false)
        ?? new SpotifyUser(null, null, null);

    /// <summary>
    /// <c>GET /me/playlists</c>, page by page (50 a page): the playlists the user owns or follows, in Spotify's order
    /// (at most <see cref="MaxPlaylists"/>).
    /// </summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public async Task<IReadOnlyList<SpotifyPlaylist>> GetMyPlaylistsAsync(CancellationToken cancellationToken)
    {
        const int PageSize = 50; // Spotify's maximum
        var playlists = new List<SpotifyPlaylist>();
        for (var offset = 0; playlists.Count < MaxPlaylists; offset += PageSize)
        {
            var page = await GetJsonAsync(
                $"me/playlists?limit={PageSize.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}",
                SpotifyJsonContext.Default.SpotifyPlaylistPage,
                cancellationToken).ConfigureAwait(false);
            var items = page?.Items ?? [];
            playlists.AddRange(items.OfType<SpotifyPlaylist>().Where(p => !string.IsNullOrEmpty(p.Uri)).Take(MaxPlaylists - playlists.Count));
            if (page?.Next is null || items.Count == 0)
            {
                break;
            }
        }

        return playlists;
    }

    /// <summary><c>PUT /me/player</c>: moves playback to <paramref name="deviceId"/>.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task TransferPlaybackAsync(string deviceId, bool play, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Put,
            "me/player",
            () => JsonContent.Create(new TransferPlaybackBody([deviceId], play), SpotifyJsonContext.Default.TransferPlaybackBody),
            cancellationToken);

    /// <summary>
    /// <c>PUT /me/player/play</c> with a context (playlist, album, artist) or a list of track URIs.
    /// </summary>
    /// <exception cref="ArgumentException">Neither or both of <paramref name="contextUri"/> and <paramref name="uris"/>.</exception>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task StartPlaybackAsync(string? deviceId, string? contextUri, IReadOnlyList<string>? uris, PlaybackOffset? offset, CancellationToken cancellationToken)
    {
        if ((contextUri is null) == (uris is null or { Count: 0 }))
        {
            throw new ArgumentException("Give either a context URI or track URIs.", nameof(contextUri));
        }

        var body = new StartPlaybackBody(contextUri, contextUri is null ? uris : null, offset);
        return SendAsync(
            HttpMethod.Put,
            WithDevice("me/player/play", deviceId),
            () => JsonContent.Create(body, SpotifyJsonContext.Default.StartPlaybackBody),
            cancellationToken);
    }

    /// <summary><c>PUT /me/player/play</c> without a body: resumes what was playing.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task ResumePlaybackAsync(string? deviceId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, WithDevice("me/player/play", deviceId), null, cancellationToken);

    /// <summary><c>PUT /me/player/pause</c>.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task PauseAsync(string? deviceId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, WithDevice("me/player/pause", deviceId), null, cancellationToken);

    /// <summary><c>POST /me/player/next</c>.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task NextAsync(string? deviceId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, WithDevice("me/player/next", deviceId), null, cancellationToken);

    /// <summary><c>PUT /me/player/shuffle?state=…</c>.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task SetShuffleAsync(bool shuffle, string? deviceId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, WithDevice($"me/player/shuffle?state={(shuffle ? "true" : "false")}", deviceId), null, cancellationToken);

    /// <summary><c>PUT /me/player/volume?volume_percent=…</c>.</summary>
    /// <exception cref="SpotifyApiException">The request failed.</exception>
    /// <exception cref="SpotifyAuthException">Not logged in.</exception>
    public Task SetVolumeAsync(int volumePercent, string? deviceId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Put,
            WithDevice($"me/player/volume?volume_percent={Math.Clamp(volumePercent, 0, 100).ToString(CultureInfo.InvariantCulture)}", deviceId),
            null,
            cancellationToken);

    private static string WithDevice(string path, string? deviceId)
    {
        if (string.IsNullOrEmpty(deviceId))
        {
            return path;
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{path}{separator}device_id={Uri.EscapeDataString(deviceId)}";
    }

    private async Task<T?> GetJsonAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendCoreAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException ex)
        {
            throw new SpotifyApiException(response.StatusCode, null, $"Spotify sent an answer OrpheusLive does not understand ({path}): {ex.Message}", innerException: ex);
        }
    }

    private async Task SendAsync(HttpMethod method, string path, Func<HttpContent>? createContent, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, createContent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends with the bearer token; on 401 refreshes once and sends once more. Returns only successful responses.</summary>
    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, Func<HttpContent>? createContent, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(SpotifyHttpClientNames.Api);
        var accessToken = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await _sender.SendAsync(client, () => CreateRequest(method, path, createContent, accessToken), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            accessToken = await _tokens.RefreshAfterRejectionAsync(accessToken, cancellationToken).ConfigureAwait(false);
            response = await _sender.SendAsync(client, () => CreateRequest(method, path, createContent, accessToken), cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, string path, Func<HttpContent>? createContent, string accessToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = createContent?.Invoke() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private async Task<SpotifyApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        var reason = error?.Reason;
        var detail = string.IsNullOrWhiteSpace(error?.Message) ? response.ReasonPhrase : error.Message;

        if (status == HttpStatusCode.TooManyRequests)
        {
            var wait = _sender.RetryAfter(response);
            return new SpotifyApiException(status, reason, SpotifyMessages.RateLimited(wait), wait);
        }

        var message = status switch
        {
            HttpStatusCode.Unauthorized =>
                "Spotify rejected the saved login even after refreshing it: run `orpheus login`.",
            HttpStatusCode.Forbidden when reason == SpotifyErrorReasons.PremiumRequired || (detail?.Contains("premium", StringComparison.OrdinalIgnoreCase) ?? false) =>
                SpotifyMessages.PremiumRequired,
            HttpStatusCode.Forbidden when detail?.Contains("not be registered", StringComparison.OrdinalIgnoreCase) ?? false =>
                SpotifyMessages.UserNotRegistered,
            HttpStatusCode.Forbidden =>
                $"Spotify refused the command: {detail}.",
            HttpStatusCode.NotFound when reason == SpotifyErrorReasons.NoActiveDevice =>
                "No active Spotify device: open Spotify on your phone or computer, or set Spotify:PreferredDevice (see `orpheus devices`).",
            HttpStatusCode.NotFound =>
                $"Spotify could not find what was asked for ({detail}): check the Spotify URIs in the mood mapping.",
            >= HttpStatusCode.InternalServerError =>
                $"Spotify is having trouble (HTTP {(int)status}) — still listening, will retry on the next change.",
            _ =>
                $"Spotify rejected the request (HTTP {(int)status}: {detail}).",
        };

        return new SpotifyApiException(status, reason, message);
    }

    private static async Task<SpotifyErrorObject?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, SpotifyJsonContext.Default.SpotifyErrorBody)?.Error;
        }
        catch (JsonException)
        {
            // 5xx from a proxy is often HTML; the status alone then has to do.
            return null;
        }
    }
}
