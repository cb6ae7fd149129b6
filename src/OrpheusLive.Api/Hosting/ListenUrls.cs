using System.Net;

namespace OrpheusLive.Api.Hosting;

/// <summary>Parses the <c>Api:Urls</c> setting and tells loopback addresses from ones other machines can reach.</summary>
public static class ListenUrls
{
    /// <summary>Splits a ';'-separated URL list, dropping blanks.</summary>
    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Null when <paramref name="url"/> is a usable <c>http://host:port</c>, else what is wrong with it.</summary>
    public static string? Problem(string url)
    {
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' uses https, which the built-in server does not terminate; serve http on loopback and put a TLS proxy in front.";
        }

        if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{url}' is not an http:// URL (expected e.g. http://127.0.0.1:5170).";
        }

        return Host(url) is null ? $"'{url}' has no host (expected e.g. http://127.0.0.1:5170)." : null;
    }

    /// <summary>
    /// True when <paramref name="url"/> binds only this machine: <c>localhost</c>, <c>127.0.0.0/8</c> or <c>[::1]</c>.
    /// Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>), other addresses and host names count as reachable.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        var host = Host(url);
        if (host is null)
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    // Kestrel accepts wildcard hosts that System.Uri rejects, so the host is cut out by hand.
    private static string? Host(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }

        var rest = url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close > 1 ? authority[1..close] : null;
        }

        var colon = authority.LastIndexOf(':');
        var host = colon >= 0 ? authority[..colon] : authority;
        return host.Length == 0 ? null : host;
    }
}
