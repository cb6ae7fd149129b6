namespace OrpheusLive.Core.Calibration;

/// <summary>What an enrolment did, for the "before / after" screen.</summary>
/// <param name="Applied">True when per-emotion biases were fitted (the clips covered enough emotions); false when
/// the clips only fed the running statistics.</param>
/// <param name="Emotions">How many different emotions the clips covered.</param>
/// <param name="Clips">Per clip, in the order given.</param>
public sealed record EnrolmentResult(bool Applied, int Emotions, IReadOnlyList<EnrolledClip> Clips);

/// <summary>One enrolment clip's confidence in its own label.</summary>
/// <param name="Label">The clip's label.</param>
/// <param name="Before">The (adapted) probability of that label before the enrolment, averaged over the clip's windows.</param>
/// <param name="After">The same after the enrolment.</param>
public sealed record EnrolledClip(string Label, double Before, double After);
