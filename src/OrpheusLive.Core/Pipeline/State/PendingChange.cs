namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// A change that is wanted but held back, so the user can see why the music has not changed yet
/// ("happy: hold 1.2 s / dwell 6 s left").
/// </summary>
/// <param name="Emotion">The challenger emotion, or the accepted emotion whose mood waits for the dwell.</param>
/// <param name="Mood">The mood it would bring, when mapped.</param>
/// <param name="HoldRemainingSeconds">Audio seconds the challenger must still lead before it is accepted (0 once accepted).</param>
/// <param name="DwellRemainingSeconds">Audio seconds until the minimum dwell of the current music allows a change (0 when it does).</param>
public sealed record PendingChange(string Emotion, string? Mood, double HoldRemainingSeconds, double DwellRemainingSeconds);
