using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Auth;

/// <summary>
/// Hands out a valid access token: refreshes it a minute before it expires and after Spotify rejects it, and saves the
/// new access token. Since June 2026 Spotify's refresh answer carries no new refresh token: the login's refresh token is
/// kept and reused until it expires, 6 months after the login (a refresh token that does come back is saved instead).
/// When Spotify answers <c>invalid_grant</c> the login is gone: the token file is removed and every later request
/// fails with <see cref="SpotifyLoginExpiredException"/> until the user logs in again.
/// </summary>
public sealed class SpotifyTokenProvider
{
    /// <summary>Refresh this long before expiry, so a request never leaves with a token that dies on the way.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly SpotifyTokenStore _store;
    private readonly SpotifyAccountsClient _accounts;
    private readonly IOptions<SpotifyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SpotifyTokenProvider> _logger;
    private SpotifyToken? _current;
    private bool _loginExpired;

    internal SpotifyTokenProvider(SpotifyTokenStore store, SpotifyAccountsClient accounts, IOptions<SpotifyOptions> options, TimeProvider time, ILogger<SpotifyTokenProvider> logger)
    {
        _store = store;
        _accounts = accounts;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>A usable access token, refreshed first when it expires within a minute.</summary>
    /// <exception cref="SpotifyAuthException">Not logged in, token file corrupt, or the login was revoked.</exception>
    /// <exception cref="SpotifyApiException">The refresh could not reach Spotify.</exception>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var token = _current ?? LoadOrThrow();
            if (!IsFresh(token))
            {
                // Another process (`orpheus login`, a second instance) may have refreshed the file meanwhile.
                var onDisk = _current is null ? token : LoadOrThrow();
                token = IsFresh(onDisk) ? onDisk : await RefreshCoreAsync(onDisk, cancellationToken).ConfigureAwait(false);
            }

            _current = token;
            return token.AccessToken;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>
    /// Called after Spotify answered 401 to <paramref name="rejectedAccessToken"/>: refreshes once (unless another
    /// request already did) and returns the new access token.
    /// </summary>
    /// <exception cref="SpotifyAuthException">The login was revoked.</exception>
    /// <exception cref="SpotifyApiException">The refresh could not reach Spotify.</exception>
    public async Task<string> RefreshAfterRejectionAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var token = _current ?? LoadOrThrow();
            if (!string.Equals(token.AccessToken, rejectedAccessToken, StringComparison.Ordinal))
            {
                return token.AccessToken;
            }

            _logger.LogInformation("Spotify rejected the access token; refreshing it");
            _current = await RefreshCoreAsync(token, cancellationToken).ConfigureAwait(false);
            return _current.AccessToken;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Forgets the in-memory token (after login or logout), so the next request reads the file again.</summary>
    public void Reset()
    {
        _current = null;
        _loginExpired = false;
    }

    private bool IsFresh(SpotifyToken token) => token.ExpiresAt - RefreshMargin > _time.GetUtcNow();

    private SpotifyToken LoadOrThrow()
    {
        var read = _store.Read();
        if (read.Token is { } token)
        {
            _loginExpired = false; // logged in again (maybe by another process)
            return token;
        }

        // The same words as when it happened, until the user logs in again.
        throw _loginExpired && !read.FileExists
            ? new SpotifyLoginExpiredException()
            : new SpotifyAuthException(read.Problem ?? SpotifyMessages.NotLoggedIn);
    }

    /// <summary>Removes the token file that holds the refused login (not a newer login another process saved meanwhile).</summary>
    private void ForgetExpiredLogin(SpotifyToken refused)
    {
        _current = null;
        _loginExpired = true;
        try
        {
            var onDisk = _store.Read().Token;
            if (onDisk is null || string.Equals(onDisk.RefreshToken, refused.RefreshToken, StringComparison.Ordinal))
            {
                _store.Delete();
            }

            _logger.LogWarning("Spotify ended the saved login (invalid_grant); removed {Path}. Run 'orpheus login' to log in again", _store.FilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Spotify ended the saved login (invalid_grant), but {Path} could not be removed: {Error}", _store.FilePath, ex.Message);
        }
    }

    private async Task<SpotifyToken> RefreshCoreAsync(SpotifyToken token, CancellationToken cancellationToken)
    {
        var clientId = _options.Value.ClientId;
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new SpotifyAuthException(SpotifyMessages.ClientIdMissing);
        }

        TokenResponse response;
        try
        {
            response = await _accounts.RefreshAsync(clientId.Trim(), token.RefreshToken, cancellationToken).ConfigureAwait(false);
        }
        catch (SpotifyLoginExpiredException)
        {
            ForgetExpiredLogin(token);
            throw;
        }
        catch (SpotifyAuthException)
        {
            _current = null;
            throw;
        }

        var refreshed = new SpotifyToken
        {
            AccessToken = response.AccessToken!,

            // Since June 2026 the answer has no refresh token: the login's one stays valid until it expires.
            RefreshToken = string.IsNullOrEmpty(response.RefreshToken) ? token.RefreshToken : response.RefreshToken,
            ExpiresAt = _time.GetUtcNow() + TimeSpan.FromSeconds(response.ExpiresIn),
            Scope = response.Scope ?? token.Scope,
        };

        try
        {
            await _store.SaveAsync(refreshed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Keep going with the in-memory token; the next start refreshes again (or, had Spotify sent a new refresh
            // token, needs `orpheus login`): say so.
            _logger.LogError("Could not save the refreshed Spotify login to {Path}: {Error}; the next start may need `orpheus login`", _store.FilePath, ex.Message);
        }

        _logger.LogInformation("Refreshed the Spotify access token (valid until {ExpiresAt:u})", refreshed.ExpiresAt);
        return refreshed;
    }
}
