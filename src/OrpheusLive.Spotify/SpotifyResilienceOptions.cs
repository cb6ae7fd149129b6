namespace OrpheusLive.Spotify;

/// <summary>
/// How Spotify requests are retried (section <c>Spotify:Resilience</c>). The defaults never hammer Spotify:
/// a rate-limited request is retried at most once, and only when Spotify asks for a short wait.
/// </summary>
public sealed class SpotifyResilienceOptions
{
    /// <summary>The longest <c>Retry-After</c> worth waiting for inside one request; longer ones fail at once.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a 5xx answer.</summary>
    public int ServerErrorRetries { get; set; } = 2;

    /// <summary>Retries after a network error or a timed-out attempt.</summary>
    public int NetworkRetries { get; set; } = 1;

    /// <summary>The first back-off delay; it doubles on each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
