using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// The windows of one clip that calibration learns from, as per-clip scoring averages them: its speech windows, or all
/// of its windows when none holds speech. Used by <c>eval --session</c> and <c>orpheus calibrate</c>.
/// </summary>
/// <param name="Clip">The clip's per-clip (uncalibrated) result.</param>
/// <param name="Probabilities">The model's probabilities of each used window (model order).</param>
/// <param name="Audio">Each used window's samples (empty when not kept).</param>
public sealed record ClipWindows(ClipResult Clip, IReadOnlyList<float[]> Probabilities, IReadOnlyList<float[]> Audio)
{
    /// <summary>Scores <paramref name="samples"/> through <paramref name="analyzer"/> and keeps its used windows.</summary>
    /// <param name="analyzer">The clip path.</param>
    /// <param name="samples">The clip (16 kHz mono).</param>
    /// <param name="keepAudio">Keep each window's audio (for the voice-change check).</param>
    public static ClipWindows Of(ClipAnalyzer analyzer, ReadOnlySpan<float> samples, bool keepAudio)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var windows = new List<(float[] Audio, float[] Probabilities, bool Speech)>();
        var clip = analyzer.Analyze(samples, (window, result) => windows.Add(
            (keepAudio ? window.ToArray() : [], [.. result.Scores.Select(s => s.Value)], result.Speech)));
        var used = windows.Any(w => w.Speech) ? windows.Where(w => w.Speech).ToList() : windows;
        return new ClipWindows(clip, [.. used.Select(w => w.Probabilities)], [.. used.Select(w => w.Audio)]);
    }

    /// <summary>The clip as enrolment material.</summary>
    public LabelledClip Labelled(string label) => new(label, Probabilities);
}
