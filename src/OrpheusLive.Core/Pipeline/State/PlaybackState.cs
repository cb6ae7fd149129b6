using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The player and what it plays.</summary>
/// <param name="Player">The active player's name ("local", "spotify", "console"), or "" before one is chosen.</param>
/// <param name="Device">The output device, when known.</param>
/// <param name="Playing">What plays now (its <see cref="NowPlaying.IsPaused"/> is the one "music paused"), or null.</param>
public sealed record PlaybackState(string Player, string? Device, NowPlaying? Playing)
{
    /// <summary>No player yet.</summary>
    public static PlaybackState None { get; } = new("", null, null);
}
