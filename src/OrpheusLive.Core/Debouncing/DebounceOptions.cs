namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// How noisy per-window scores become stable emotions and music changes. Bound from configuration section
/// <c>Debounce</c>; <see cref="Validate"/> names the first bad value.
/// </summary>
public sealed class DebounceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Debounce";

    /// <summary>Belief (smoothed probability) an emotion needs before it can become the stable emotion (0..1).</summary>
    public double Threshold { get; set; } = 0.70;

    /// <summary>
    /// How much one window's scores count as evidence (an exponent on its probabilities, 0..1]. Below 1 because
    /// consecutive windows overlap and hear the same voice, so they are not independent witnesses.
    /// </summary>
    public double EvidenceWeight { get; set; } = 0.5;

    /// <summary>
    /// The prior chance per second that the speaker's emotion changes (0..1]: how fast old evidence fades,
    /// between windows and during pauses. 1 forgets everything between windows (no smoothing).
    /// </summary>
    public double ChangeRatePerSecond { get; set; } = 0.1;

    /// <summary>How long (seconds) a new emotion must stay on top, confidently and without interruption, before it is accepted.</summary>
    public double HoldSeconds { get; set; } = 2;

    /// <summary>How far (probability) a new emotion must lead the current one before it can replace it.</summary>
    public double HysteresisMargin { get; set; } = 0.15;

    /// <summary>Minimum time (seconds) the music stays on one mood before it may change again.</summary>
    public double MinDwellSeconds { get; set; } = 10;

    /// <summary>Returns null when valid, or a message naming the first bad setting.</summary>
    public string? Validate()
    {
        if (double.IsNaN(Threshold) || Threshold is < 0 or > 1)
        {
            return $"{SectionName}:Threshold must be between 0 and 1 (got {Threshold}).";
        }

        if (!(EvidenceWeight > 0 && EvidenceWeight <= 1))
        {
            return $"{SectionName}:EvidenceWeight must be above 0 and at most 1 (got {EvidenceWeight}).";
        }

        if (!(ChangeRatePerSecond > 0 && ChangeRatePerSecond <= 1))
        {
            return $"{SectionName}:ChangeRatePerSecond must be above 0 and at most 1 (got {ChangeRatePerSecond}).";
        }

        if (!(HoldSeconds >= 0))
        {
            return $"{SectionName}:HoldSeconds must be zero or more (got {HoldSeconds}).";
        }

        if (HysteresisMargin is < 0 or > 1 || double.IsNaN(HysteresisMargin))
        {
            return $"{SectionName}:HysteresisMargin must be between 0 and 1 (got {HysteresisMargin}).";
        }

        return MinDwellSeconds >= 0 ? null : $"{SectionName}:MinDwellSeconds must be zero or more (got {MinDwellSeconds}).";
    }
}
