using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The emotion panel: the stable emotion with its confidence ("listening…" while nothing is known — never
/// "neutral 0 %"), one bar per label of the debouncer's belief (the last speech window's scores until there is a
/// belief) with the stable one marked, and what the last window heard (speech, or silence since when).
/// </summary>
public sealed class EmotionBars(TuiTheme theme) : PanelView(theme)
{
    private const string StableCaption = "Stable  ";
    private const string HeardCaption = "Heard   ";

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var state = State;
        var column = Write(0, 0, StableCaption, TuiTone.Muted);
        column = Write(column, 0, DashboardText.Stable(state.Emotion), state.Emotion is null ? TuiTone.Muted : TuiTone.Accent);
        if (state.Emotion is { } stable)
        {
            Write(column, 0, $"  since {DashboardText.Clock(stable.Since)}", TuiTone.Muted);
        }

        var scores = state.Belief.Count > 0 ? state.Belief : state.LastSpeechWindow?.Scores ?? [];
        if (scores.Count == 0)
        {
            Write(0, 2, $"{DashboardText.Listening} no speech heard yet", TuiTone.Muted);
            return true;
        }

        var labelWidth = Math.Min(9, scores.Max(s => s.Key.Length));
        var barWidth = Math.Max(1, Viewport.Width - 1 - labelWidth - 1 - 1 - 4);
        var rows = Math.Min(scores.Count, Math.Max(0, Viewport.Height - 2));
        for (var i = 0; i < rows; i++)
        {
            var (label, score) = scores[i];
            var isStable = string.Equals(label, state.Emotion?.Label, StringComparison.OrdinalIgnoreCase);
            var tone = isStable ? TuiTone.Accent : TuiTone.Normal;
            var (filled, empty) = TextBar.Render(score, barWidth);
            var x = Write(0, 1 + i, isStable ? "▶" : " ", TuiTone.Accent);
            x = Write(x, 1 + i, Fit(label, labelWidth).PadRight(labelWidth) + " ", tone);
            x = Write(x, 1 + i, filled, tone);
            x = Write(x, 1 + i, empty, TuiTone.Muted);
            Write(x, 1 + i, DashboardText.Percent(score).PadLeft(5), tone);
        }

        Write(0, Viewport.Height - 1, HeardCaption + Heard(state), TuiTone.Muted);
        return true;
    }

    private static string Heard(PipelineState state) => state switch
    {
        { LastWindow: { Speech: true, Emotion: { } emotion } window } => $"{emotion} {DashboardText.Percent(window.Confidence)} at {DashboardText.Clock(window.T)}",
        { LastWindow.Speech: false, LastSpeechWindow: { } speech } => $"silence (last speech {DashboardText.Clock(speech.T)})",
        { LastWindow.Speech: false } => "silence",
        _ => DashboardText.Unknown,
    };
}
