using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Pipeline;

/// <summary>What the pipeline knows right now.</summary>
/// <param name="Listening">True while audio is being analysed (false when paused or stopped).</param>
/// <param name="Input">Description of the audio input.</param>
/// <param name="LastWindow">The most recent window, or null before the first.</param>
/// <param name="Emotion">The debounced (stable) emotion, or null before the first decision.</param>
/// <param name="Mood">The current mood, or null.</param>
/// <param name="Confidence">Smoothed confidence of <paramref name="Emotion"/>.</param>
/// <param name="Playing">What the player is playing, or null.</param>
/// <param name="Warnings">Active warnings in plain words.</param>
public sealed record LiveSnapshot(
    bool Listening,
    string Input,
    WindowEvent? LastWindow,
    string? Emotion,
    string? Mood,
    float Confidence,
    NowPlaying? Playing,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The state before anything happened.</summary>
    public static LiveSnapshot Empty { get; } = new(false, "", null, null, null, 0f, null, []);
}
