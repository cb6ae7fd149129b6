using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Http;

namespace OrpheusLive.Spotify.Auth;

/// <summary>The accounts service: the authorize URL and the token endpoint (code exchange and refresh).</summary>
internal sealed class SpotifyAccountsClient(
    IHttpClientFactory httpClientFactory,
    SpotifyRequestSender sender,
    IOptions<SpotifyOptions> options,
    ILogger<SpotifyAccountsClient> logger)
{
    /// <summary>
    /// The scopes OrpheusLive asks for: read and control playback, the account type (Premium check), and the user's
    /// own and collaborative playlists (offered as music for the moods).
    /// </summary>
    public const string Scopes =
        "user-read-playback-state user-modify-playback-state user-read-currently-playing user-read-private playlist-read-private playlist-read-collaborative";

    private const string ClientRefused = "Spotify does not accept Spotify:ClientId: check it against the developer dashboard.";

    /// <summary>The URL the user opens to grant access.</summary>
    public Uri BuildAuthorizeUri(string clientId, Uri redirectUri, string codeChallenge, string state)
    {
        var query = string.Join('&',
            $"client_id={Uri.EscapeDataString(clientId)}",
            "response_type=code",
            $"redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}",
            "code_challenge_method=S256",
            $"code_challenge={Uri.EscapeDataString(codeChallenge)}",
            $"state={Uri.EscapeDataString(state)}",
            $"scope={Uri.EscapeDataString(Scopes)}");
        return new Uri(options.Value.AccountsBaseUri, "authorize?" + query);
    }

    /// <summary>Exchanges an authorization code for tokens.</summary>
    /// <exception cref="SpotifyAuthException">Spotify refused the code.</exception>
    /// <exception cref="SpotifyApiException">Spotify unreachable or failing.</exception>
    public Task<TokenResponse> ExchangeCodeAsync(string clientId, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        PostAsync(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri.ToString(),
                ["client_id"] = clientId,
                ["code_verifier"] = codeVerifier,
            },
            error => new SpotifyAuthException(error.Error switch
            {
                "invalid_client" => ClientRefused,
                _ => $"Spotify refused the login code ({error.Error}: {error.ErrorDescription}): run `orpheus login` again.",
            }),
            cancellationToken);

    /// <summary>
    /// Gets a new access token with the refresh token. Since June 2026 the answer carries no new refresh token (the
    /// login's one stays valid until it expires, 6 months after the login).
    /// </summary>
    /// <exception cref="SpotifyLoginExpiredException">The refresh token was refused (<c>invalid_grant</c>: expired or revoked).</exception>
    /// <exception cref="SpotifyAuthException">Spotify refused the request for another reason (e.g. the client id).</exception>
    /// <exception cref="SpotifyApiException">Spotify unreachable or failing.</exception>
    public Task<TokenResponse> RefreshAsync(string clientId, string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(
            new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = clientId,
            },
            error => error.Error switch
            {
                "invalid_grant" => new SpotifyLoginExpiredException(),
                "invalid_client" => new SpotifyAuthException(ClientRefused),
                _ => new SpotifyAuthException($"Spotify refused to refresh the login ({error.Error ?? "no error code"}): run 'orpheus login' again."),
            },
            cancellationToken);

    private async Task<TokenResponse> PostAsync(Dictionary<string, string> form, Func<TokenErrorResponse, SpotifyAuthException> refused, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(SpotifyHttpClientNames.Accounts);
        using var response = await sender.SendAsync(
            client,
            () => new HttpRequestMessage(HttpMethod.Post, "api/token") { Content = new FormUrlEncodedContent(form) },
            cancellationToken).ConfigureAwait(false);

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var tokens = Deserialize(body, SpotifyJsonContext.Default.TokenResponse);
            if (tokens?.AccessToken is null)
            {
                throw new SpotifyApiException(response.StatusCode, null, "Spotify's token endpoint answered without an access token: try `orpheus login` again later.");
            }

            return tokens;
        }

        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            var error = Deserialize(body, SpotifyJsonContext.Default.TokenErrorResponse) ?? new TokenErrorResponse(null, null);

            // Only the error code is logged: the description can echo parts of the request.
            logger.LogWarning("Spotify's token endpoint refused the request: {Error}", error.Error ?? "(no error code)");
            throw refused(error);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = sender.RetryAfter(response);
            throw new SpotifyApiException(response.StatusCode, null, SpotifyMessages.RateLimited(wait), wait);
        }

        throw new SpotifyApiException(response.StatusCode, null, $"Spotify's login service failed (HTTP {(int)response.StatusCode}) — try again in a moment.");
    }

    private static T? Deserialize<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
