using System.Text.RegularExpressions;

namespace OrpheusLive.Core.Moods;

/// <summary>
/// Validates and normalises what a mood can play: a Spotify URI (<c>spotify:playlist|album|track|artist:ID</c>),
/// an <c>https://open.spotify.com/…</c> link (converted to a URI), or a local folder or audio file.
/// </summary>
public static partial class PlaylistTarget
{
    /// <summary>True when <paramref name="target"/> is a Spotify URI.</summary>
    public static bool IsSpotify(string target) => target.StartsWith("spotify:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Normalises <paramref name="input"/>; returns null and sets <paramref name="error"/> when it is not a valid target.
    /// Local paths are accepted as written; with <paramref name="requireLocalExists"/> they must exist.
    /// </summary>
    public static string? Normalize(string? input, bool requireLocalExists, out string? error)
    {
        error = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "is empty";
            return null;
        }

        if (IsSpotify(text))
        {
            var m = SpotifyUri().Match(text);
            if (m.Success)
            {
                return $"spotify:{m.Groups["type"].Value.ToLowerInvariant()}:{m.Groups["id"].Value}";
            }

            error = $"'{text}' is not a valid Spotify URI (expected spotify:playlist:, spotify:album:, spotify:track: or spotify:artist: followed by a 22-character id)";
            return null;
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var m = SpotifyLink().Match(text);
            if (m.Success)
            {
                return $"spotify:{m.Groups["type"].Value.ToLowerInvariant()}:{m.Groups["id"].Value}";
            }

            error = $"'{text}' is not an open.spotify.com playlist, album, track or artist link";
            return null;
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            error = $"'{text}' is neither a Spotify URI, an open.spotify.com link nor a local folder";
            return null;
        }

        if (requireLocalExists)
        {
            var resolved = Configuration.UserPaths.ResolveAppPath(text);
            if (!Directory.Exists(resolved) && !File.Exists(resolved))
            {
                error = $"local folder '{text}' does not exist";
                return null;
            }
        }

        return text;
    }

    [GeneratedRegex(@"^spotify:(?<type>playlist|album|track|artist):(?<id>[A-Za-z0-9]{22})$", RegexOptions.IgnoreCase)]
    private static partial Regex SpotifyUri();

    [GeneratedRegex(@"^https?://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[a-z]{2})?/)?(?<type>playlist|album|track|artist)/(?<id>[A-Za-z0-9]{22})(?:[/?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SpotifyLink();
}
