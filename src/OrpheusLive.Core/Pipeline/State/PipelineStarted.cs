namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The pipeline opened its input and starts reading it (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time (0 at the start).</param>
/// <param name="Input">The input as shown to the user.</param>
/// <param name="InputIsLive">True for a microphone.</param>
/// <param name="Player">The active player's name.</param>
public sealed record PipelineStarted(double T, string Input, bool InputIsLive, string Player) : PipelineEvent(T)
{
    /// <summary>The calibration the run starts with (from the listener's profile), or null without calibration.</summary>
    public CalibrationState? Calibration { get; init; }
}
