namespace OrpheusLive.Core.Playback;

/// <summary>What a player is playing.</summary>
/// <param name="Mood">The mood it was started for.</param>
/// <param name="Target">The URI, folder or file.</param>
/// <param name="Title">Track title or file name, when known.</param>
/// <param name="Device">The output device, when known.</param>
/// <param name="IsPaused">True while paused.</param>
public sealed record NowPlaying(string Mood, string Target, string? Title, string? Device, bool IsPaused);
