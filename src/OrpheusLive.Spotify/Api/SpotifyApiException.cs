using System.Net;

namespace OrpheusLive.Spotify.Api;

/// <summary>
/// A Spotify request failed. <see cref="Exception.Message"/> is written for the user (what happened and what to do);
/// <see cref="Status"/> and <see cref="Reason"/> are for code that reacts to specific failures.
/// </summary>
public sealed class SpotifyApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status, or null when Spotify could not be reached.</param>
    /// <param name="reason">Spotify's player error reason (<c>NO_ACTIVE_DEVICE</c>, <c>PREMIUM_REQUIRED</c>, ...), when given.</param>
    /// <param name="message">The user-facing message.</param>
    /// <param name="retryAfter">For 429: how long Spotify asked to wait.</param>
    /// <param name="innerException">The network error, when there was one.</param>
    public SpotifyApiException(HttpStatusCode? status, string? reason, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status; null when Spotify could not be reached at all.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Spotify's machine-readable reason (<see cref="SpotifyErrorReasons"/>), when the error body had one.</summary>
    public string? Reason { get; }

    /// <summary>For 429 answers: the wait Spotify asked for.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when no answer came back (network down, DNS, timeout).</summary>
    public bool IsUnreachable => Status is null;

    /// <summary>True for 429 Too Many Requests.</summary>
    public bool IsRateLimited => Status == HttpStatusCode.TooManyRequests;
}
