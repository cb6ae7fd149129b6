using System.Globalization;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Commands;

/// <summary>The readable one-line-per-event form used by <c>listen</c> without <c>--json</c> and by <c>run</c> without a terminal.</summary>
public static class HumanEventWriter
{
    /// <summary>Writes one line for <paramref name="e"/> (nothing for unknown event types).</summary>
    public static void Write(TextWriter output, PipelineEvent e)
    {
        var text = e switch
        {
            WindowEvent { Speech: false } w => string.Create(CultureInfo.InvariantCulture, $"{w.T,7:F1}s  (no speech)   level {w.LevelDbfs,6:F1} dBFS"),
            WindowEvent w => string.Create(CultureInfo.InvariantCulture, $"{w.T,7:F1}s  {w.Emotion,-10} {w.Confidence,5:P0}   {w.LatencyMs,5:F1} ms"),
            DecisionEvent { Target: { } target } d => string.Create(CultureInfo.InvariantCulture, $"{d.T,7:F1}s  ♪ {d.Emotion} → {d.Mood} → {target}"),
            DecisionEvent d => string.Create(CultureInfo.InvariantCulture, $"{d.T,7:F1}s  ♪ {d.Emotion} → {d.Mood}: {d.Message}"),
            StatusEvent s => $"{s.Severity}: {s.Message}",
            _ => null,
        };
        if (text is not null)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }
}
