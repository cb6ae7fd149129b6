namespace OrpheusLive.Audio.Playback;

/// <summary>
/// The outcome of picking a local target for a mood: the target and its playable files, or why there is none. From the
/// music library, <see cref="Files"/> holds the first pick (also the <see cref="Target"/>) and <see cref="Next"/> picks
/// each following track when the one before ends.
/// </summary>
internal sealed record MusicSelection(string? Target, IReadOnlyList<string> Files, string? Error, Func<string?>? Next = null)
{
    public static MusicSelection FromLibrary(string first, Func<string?> next) => new(first, [first], null, next);

    public static MusicSelection Found(string target, IReadOnlyList<string> files) => new(target, files, null);

    public static MusicSelection NotFound(string error) => new(null, [], error);
}
