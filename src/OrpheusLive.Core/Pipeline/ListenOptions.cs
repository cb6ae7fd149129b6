namespace OrpheusLive.Core.Pipeline;

/// <summary>How the live pipeline windows audio. Bound from configuration section <c>Listen</c>.</summary>
public sealed class ListenOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Listen";

    /// <summary>Seconds between consecutive windows (the window itself is the model's, 3 s).</summary>
    public double HopSeconds { get; set; } = 1.0;

    /// <summary>Fraction of a window that must be speech for the window to count as speech (0..1).</summary>
    public double MinSpeechFraction { get; set; } = 0.25;

    /// <summary>Returns null when valid, or a message naming the bad setting.</summary>
    public string? Validate()
    {
        if (double.IsNaN(HopSeconds) || HopSeconds is < 0.1 or > 3.0)
        {
            return $"{SectionName}:HopSeconds must be between 0.1 and 3 (got {HopSeconds}).";
        }

        return MinSpeechFraction is >= 0 and <= 1
            ? null
            : $"{SectionName}:MinSpeechFraction must be between 0 and 1 (got {MinSpeechFraction}).";
    }
}
