using System.Net;
using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Http;

/// <summary>
/// Remembers until when Spotify asked us to stay quiet (429 + Retry-After) and refuses requests before then without
/// sending them: a rate-limited app that keeps knocking only extends its ban.
/// </summary>
internal sealed class SpotifyRateLimitGate(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// <summary>Blocks requests for <paramref name="wait"/> from now (never shortens an existing block).</summary>
    public void Block(TimeSpan wait)
    {
        var until = time.GetUtcNow() + wait;
        lock (_lock)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    /// <summary>Throws the rate-limit failure while blocked.</summary>
    /// <exception cref="SpotifyApiException">Still inside Spotify's Retry-After window.</exception>
    public void ThrowIfBlocked()
    {
        DateTimeOffset until;
        lock (_lock)
        {
            until = _blockedUntil;
        }

        var remaining = until - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            throw new SpotifyApiException(HttpStatusCode.TooManyRequests, null, SpotifyMessages.RateLimited(remaining), remaining);
        }
    }
}
