namespace OrpheusLive.Core.Calibration;

/// <summary>One enrolment clip: what the listener was asked to sound like, and the model's probabilities of its windows.</summary>
/// <param name="Label">The emotion the clip was spoken in (one of the model's labels).</param>
/// <param name="Windows">The model's probabilities for each of the clip's speech windows (model order).</param>
public sealed record LabelledClip(string Label, IReadOnlyList<float[]> Windows);
