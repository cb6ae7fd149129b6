namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// Whether and how far personal calibration has adapted to the listener (<see cref="PipelineState.Calibration"/>).
/// </summary>
/// <param name="Enabled">False with <c>Calibration:Mode=off</c>: the model's probabilities are used as they are.</param>
/// <param name="Profile">The profile the adaptation is kept in (<c>--profile NAME</c>).</param>
/// <param name="Gate">How far the correction applies (0..1): 0 until the session has shown several emotions.</param>
/// <param name="SpeechWindows">How much speech the adaptation holds, in model windows (3 s of new speech each).</param>
/// <param name="Strength">How much of the learnt correction is applied now (0..1): the gate times the shrinkage n / (n + prior).</param>
/// <param name="EnrolledClips">Labelled clips from <c>orpheus calibrate</c> in the profile (0 = not enrolled).</param>
/// <param name="VoiceChanges">Voice changes detected in this run (each softened what was learnt).</param>
public sealed record CalibrationState(
    bool Enabled,
    string Profile,
    double Gate,
    double SpeechWindows,
    double Strength,
    int EnrolledClips,
    int VoiceChanges);
