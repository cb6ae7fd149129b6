namespace OrpheusLive.Core.Playback;

/// <summary>The outcome of a <see cref="IPlayer.PlayAsync"/> call.</summary>
/// <param name="Started">True when music for the request is now playing (newly started or already playing).</param>
/// <param name="Target">The URI, folder or file that was started; null when nothing was.</param>
/// <param name="Message">A user-facing explanation when nothing was started.</param>
/// <param name="AlreadyPlaying">True when the target was already playing and was left alone.</param>
public sealed record PlaybackResult(bool Started, string? Target, string? Message = null, bool AlreadyPlaying = false)
{
    /// <summary>Music was started (or kept playing).</summary>
    public static PlaybackResult Ok(string target, bool alreadyPlaying = false) => new(true, target, null, alreadyPlaying);

    /// <summary>Nothing was started; <paramref name="message"/> says why and what to do.</summary>
    public static PlaybackResult Failed(string message) => new(false, null, message);
}
