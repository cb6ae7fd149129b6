using System.Globalization;
using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Tui.Calibration;

/// <summary>The calibration screen's texts: the prompt, the recording state, the level meter and the before/after table.</summary>
public static class CalibrationText
{
    /// <summary>Width of the level meter, in cells.</summary>
    public const int MeterWidth = 30;

    private const float FloorDbfs = -60;

    /// <summary>"Line 3 of 10".</summary>
    public static string LineTitle(int index, int count) => $"Line {index + 1} of {count}";

    /// <summary>"Say this cheerfully:".</summary>
    public static string Manner(EnrolmentPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return $"Say this {prompt.Manner} ({prompt.Label}):";
    }

    /// <summary>The line to read, quoted.</summary>
    public static string Line(EnrolmentPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return $"“{prompt.Line}”";
    }

    /// <summary>"recording… 3 s" while a line records.</summary>
    public static string Recording(RecordingProgress progress) => $"Recording… {progress.SecondsLeft} s";

    /// <summary>The level meter for <paramref name="levelDbfs"/>: −60 dBFS and below is empty, 0 dBFS full.</summary>
    public static string Meter(float levelDbfs)
    {
        var fraction = float.IsFinite(levelDbfs) ? (Math.Clamp(levelDbfs, FloorDbfs, 0) - FloorDbfs) / -FloorDbfs : 0;
        var (filled, empty) = Live.TextBar.Render(fraction, MeterWidth);
        return string.Create(CultureInfo.InvariantCulture, $"level {filled}{empty} {(float.IsFinite(levelDbfs) ? Math.Max(levelDbfs, FloorDbfs) : FloorDbfs),4:0} dBFS");
    }

    /// <summary>The table's header row.</summary>
    public static string Header => $"{"line",-8} {"asked",-10} {"before",7}    {"after",6}";

    /// <summary>One clip's row: its name, the emotion it was read in, the confidence in it before and after.</summary>
    public static string Row(string name, EnrolledClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        return string.Create(CultureInfo.InvariantCulture, $"{name,-8} {clip.Label,-10} {Percent(clip.Before),7} →  {Percent(clip.After),6}");
    }

    /// <summary>The mean row.</summary>
    public static string Mean(EnrolmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture,
            $"{"mean",-8} {"",-10} {Percent(result.Clips.Average(c => c.Before)),7} →  {Percent(result.Clips.Average(c => c.After)),6}");
    }

    private static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value * 100):0} %");
}
