namespace OrpheusLive.Core.Playback;

/// <summary>The outcome of a <see cref="IPlayer.PlayAsync"/> call.</summary>
/// <param name="Started">True when music for the request is now playing (newly started or already playing).</param>
/// <param name="Target">The URI, folder or file that was started; null when nothing was.</param>
/// <param name="Message">A user-facing explanation when nothing was started, or of the warning in <paramref name="WarningId"/>.</param>
/// <param name="AlreadyPlaying">True when the target was already playing and was left alone.</param>
/// <param name="WarningId">
/// The warning the pipeline reports with <paramref name="Message"/> (one of <c>WarningIds</c>, e.g.
/// <c>spotify.login-expired</c>), also when music did start (another player took over); null for an ordinary failure,
/// which the pipeline reports as <c>player.failed</c>.
/// </param>
public sealed record PlaybackResult(bool Started, string? Target, string? Message = null, bool AlreadyPlaying = false, string? WarningId = null)
{
    /// <summary>Music was started (or kept playing).</summary>
    public static PlaybackResult Ok(string target, bool alreadyPlaying = false) => new(true, target, null, alreadyPlaying);

    /// <summary>Nothing was started; <paramref name="message"/> says why and what to do, <paramref name="warningId"/> names the warning when it is a specific one.</summary>
    public static PlaybackResult Failed(string message, string? warningId = null) => new(false, null, message, WarningId: warningId);
}
