using System.Text.RegularExpressions;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Spotify.Playback;

/// <summary>
/// Spotify's target grammar: URIs <c>spotify:playlist|album|track|artist:ID</c> (22-character base-62 ids) and
/// <c>https://open.spotify.com/…</c> links (localised <c>/intl-xx/</c> ones too), which are converted to URIs. Any other
/// <c>spotify:</c> or <c>http(s)://</c> text is recognised as meant for Spotify and rejected with the reason.
/// </summary>
public sealed partial class SpotifyTargetValidator : ITargetValidator
{
    /// <inheritdoc />
    public string Description => "a Spotify URI, an open.spotify.com link";

    /// <summary>True when <paramref name="target"/> is a Spotify URI (valid or not).</summary>
    public static bool IsSpotifyUri(string target) => target.StartsWith("spotify:", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URI of a valid Spotify URI or link, or null.</summary>
    public static string? ToUri(string target) => Parse(target.Trim()) is { Target: { } uri } ? uri : null;

    /// <inheritdoc />
    public TargetCheck? Check(string target, bool mustExist)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Parse(target.Trim());
    }

    private static TargetCheck? Parse(string text)
    {
        if (IsSpotifyUri(text))
        {
            var m = SpotifyUri().Match(text);
            return m.Success
                ? TargetCheck.Valid($"spotify:{m.Groups["type"].Value.ToLowerInvariant()}:{m.Groups["id"].Value}")
                : TargetCheck.Invalid($"'{text}' is not a valid Spotify URI (expected spotify:playlist:, spotify:album:, spotify:track: or spotify:artist: followed by a 22-character id)");
        }

        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var link = SpotifyLink().Match(text);
        return link.Success
            ? TargetCheck.Valid($"spotify:{link.Groups["type"].Value.ToLowerInvariant()}:{link.Groups["id"].Value}")
            : TargetCheck.Invalid($"'{text}' is not an open.spotify.com playlist, album, track or artist link");
    }

    [GeneratedRegex(@"^spotify:(?<type>playlist|album|track|artist):(?<id>[A-Za-z0-9]{22})$", RegexOptions.IgnoreCase)]
    private static partial Regex SpotifyUri();

    [GeneratedRegex(@"^https?://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[a-z]{2})?/)?(?<type>playlist|album|track|artist)/(?<id>[A-Za-z0-9]{22})(?:[/?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SpotifyLink();
}
