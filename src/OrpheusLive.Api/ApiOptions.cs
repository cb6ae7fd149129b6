using OrpheusLive.Api.Hosting;

namespace OrpheusLive.Api;

/// <summary>The HTTP API of <c>orpheus serve</c>. Bound from configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Api";

    /// <summary>Where to listen: one or more <c>http://host:port</c> URLs separated by ';'. Loopback by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5170";

    /// <summary>
    /// The API key clients send as <c>Authorization: Bearer KEY</c>. Empty means no key on loopback; a key is required
    /// whenever <see cref="Urls"/> reaches beyond this machine.
    /// </summary>
    public string Key { get; set; } = "";

    /// <summary>Largest accepted upload for <c>POST /api/emotion</c>, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Longest accepted clip for <c>POST /api/emotion</c>, in seconds.</summary>
    public double MaxClipSeconds { get; set; } = 60;

    /// <summary>Seconds between heartbeat comments on <c>GET /api/events</c>, so proxies keep idle streams open.</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    /// <summary>True when a key is configured.</summary>
    public bool RequiresKey => !string.IsNullOrEmpty(Key);

    /// <summary>A copy with <see cref="Urls"/> replaced (command-line <c>--urls</c>).</summary>
    public ApiOptions WithUrls(string? urls) => string.IsNullOrWhiteSpace(urls)
        ? this
        : new ApiOptions { Urls = urls, Key = Key, MaxUploadBytes = MaxUploadBytes, MaxClipSeconds = MaxClipSeconds, HeartbeatSeconds = HeartbeatSeconds };

    /// <summary>Returns null when the limits are valid, or a message naming the bad setting.</summary>
    public string? ValidateLimits()
    {
        if (MaxUploadBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            return $"{SectionName}:MaxUploadBytes must be between 1024 and 1073741824 (got {MaxUploadBytes}).";
        }

        if (double.IsNaN(MaxClipSeconds) || MaxClipSeconds is < 1 or > 3600)
        {
            return $"{SectionName}:MaxClipSeconds must be between 1 and 3600 (got {MaxClipSeconds}).";
        }

        return double.IsNaN(HeartbeatSeconds) || HeartbeatSeconds is < 0.05 or > 3600
            ? $"{SectionName}:HeartbeatSeconds must be between 0.05 and 3600 (got {HeartbeatSeconds})."
            : null;
    }

    /// <summary>
    /// Returns null when the options are safe to serve with, or a message naming the problem: bad limits, a URL that is
    /// not plain <c>http://host:port</c>, or a URL reachable from other machines without <see cref="Key"/>.
    /// </summary>
    public string? Validate()
    {
        if (ValidateLimits() is { } limits)
        {
            return limits;
        }

        var urls = ListenUrls.Split(Urls);
        if (urls.Count == 0)
        {
            return $"{SectionName}:Urls is empty; use e.g. http://127.0.0.1:5170.";
        }

        foreach (var url in urls)
        {
            if (ListenUrls.Problem(url) is { } problem)
            {
                return $"{SectionName}:Urls: {problem}";
            }

            if (!RequiresKey && !ListenUrls.IsLoopback(url))
            {
                return $"refusing to serve on {url} without an API key: that address is reachable from other machines. " +
                    $"Set {SectionName}:Key (e.g. environment variable {SectionName}__Key) to a long random secret, " +
                    "or bind to loopback (http://127.0.0.1:5170).";
            }
        }

        return null;
    }
}
