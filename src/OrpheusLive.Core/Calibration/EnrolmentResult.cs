namespace OrpheusLive.Core.Calibration;

/// <summary>What an enrolment did, for the "before / after" screen.</summary>
/// <param name="Applied">True when per-emotion biases were fitted (the clips covered enough emotions); false when
/// the clips only fed the running statistics.</param>
/// <param name="Emotions">How many different emotions the clips covered.</param>
/// <param name="RequiredEmotions">How many emotions per-emotion biases need (<c>Calibration:MinEnrolmentEmotions</c>).</param>
/// <param name="Clips">Per clip, in the order given.</param>
public sealed record EnrolmentResult(bool Applied, int Emotions, int RequiredEmotions, IReadOnlyList<EnrolledClip> Clips)
{
    /// <summary>
    /// What the enrolment learnt, in one sentence, as <c>orpheus calibrate</c> and the dashboard's calibration screen
    /// both say it: per-emotion corrections, or (too few emotions) only the voice's average, with how many it needs.
    /// </summary>
    public string Summary => Applied
        ? $"Per-emotion corrections learnt from {Emotions} emotions."
        : $"The lines covered {Emotions} emotion(s); per-emotion corrections need {RequiredEmotions}: they only taught the voice's average.";
}

/// <summary>One enrolment clip's confidence in its own label.</summary>
/// <param name="Label">The clip's label.</param>
/// <param name="Before">The (adapted) probability of that label before the enrolment, averaged over the clip's windows.</param>
/// <param name="After">The same after the enrolment.</param>
public sealed record EnrolledClip(string Label, double Before, double After);
