namespace OrpheusLive.Audio.Playback;

/// <summary>The outcome of picking a local target for a mood: the target and its playable files, or why there is none.</summary>
internal sealed record MusicSelection(string? Target, IReadOnlyList<string> Files, string? Error)
{
    public static MusicSelection Found(string target, IReadOnlyList<string> files) => new(target, files, null);

    public static MusicSelection NotFound(string error) => new(null, [], error);
}
