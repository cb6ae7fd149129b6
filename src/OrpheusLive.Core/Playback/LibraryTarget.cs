namespace OrpheusLive.Core.Playback;

/// <summary>
/// The mapping target that names the music library: <c>library:&lt;mood&gt;</c> plays the library's tracks of that mood
/// (<c>library:chill</c>). Without a mood (<c>library:</c> is invalid) there is nothing to pick.
/// </summary>
public static class LibraryTarget
{
    /// <summary>The prefix, <c>library:</c>.</summary>
    public const string Prefix = "library:";

    /// <summary>The target for <paramref name="mood"/> (lower case).</summary>
    public static string For(string mood)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mood);
        return Prefix + mood.Trim().ToLowerInvariant();
    }

    /// <summary>True when <paramref name="target"/> starts with <c>library:</c>; <paramref name="mood"/> is what follows (trimmed, lower case, may be empty).</summary>
    public static bool TryParse(string target, out string mood)
    {
        ArgumentNullException.ThrowIfNull(target);
        mood = "";
        var text = target.Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        mood = text[Prefix.Length..].Trim().ToLowerInvariant();
        return true;
    }
}
