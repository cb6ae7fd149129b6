namespace OrpheusLive.Core.Calibration;

/// <summary>How far the recording of an enrolment line is (<see cref="EnrolmentRecorder"/>).</summary>
/// <param name="Seconds">Audio recorded so far.</param>
/// <param name="TotalSeconds">The line's length.</param>
/// <param name="LevelDbfs">RMS level of the latest audio, in dBFS (for a level meter).</param>
public readonly record struct RecordingProgress(double Seconds, double TotalSeconds, float LevelDbfs)
{
    /// <summary>Whole seconds still to record (for "recording… 3 s").</summary>
    public int SecondsLeft => Math.Max(0, (int)Math.Ceiling(TotalSeconds - Seconds - 1e-9));
}
