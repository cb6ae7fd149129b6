namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// How noisy per-window scores become stable emotions and music changes. Bound from configuration section
/// <c>Debounce</c>; <see cref="Validate"/> names the first bad value.
/// </summary>
public sealed class DebounceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Debounce";

    /// <summary>Smoothed probability an emotion needs before it can become the stable emotion (0..1).</summary>
    public double Threshold { get; set; } = 0.70;

    /// <summary>How many recent speech windows are averaged.</summary>
    public int SmoothingWindows { get; set; } = 3;

    /// <summary>Windows older than this (seconds) are dropped from the average, so old speech does not linger after a pause.</summary>
    public double SmoothingMaxAgeSeconds { get; set; } = 8;

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

        if (SmoothingWindows is < 1 or > 60)
        {
            return $"{SectionName}:SmoothingWindows must be between 1 and 60 (got {SmoothingWindows}).";
        }

        if (!(SmoothingMaxAgeSeconds > 0))
        {
            return $"{SectionName}:SmoothingMaxAgeSeconds must be positive (got {SmoothingMaxAgeSeconds}).";
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
