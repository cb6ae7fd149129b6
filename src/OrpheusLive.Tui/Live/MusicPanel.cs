using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>The music panel: the mood, what plays and where (player, device, paused), speech or silence with the input level, latency p50/p95 and how far calibration adapted to the voice.</summary>
public sealed class MusicPanel(TuiTheme theme) : PanelView(theme)
{
    private const int LabelWidth = 9;
    private const int MeterWidth = 8;

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var state = State;
        Line(0, "Mood", DashboardText.Mood(state), state.Mood is null ? TuiTone.Muted : TuiTone.Accent);
        Line(1, "Playing", DashboardText.Playing(state.Playback), state.Playback.Playing switch
        {
            null => TuiTone.Muted,
            { IsPaused: true } => TuiTone.Warning,
            _ => TuiTone.Strong,
        });
        Line(2, "On", DashboardText.Where(state.Playback), TuiTone.Normal);

        var window = state.LastWindow;
        var x = Write(0, 3, "Input".PadRight(LabelWidth), TuiTone.Muted);
        x = Write(x, 3, window is { Speech: true } ? "● " : "○ ", window is { Speech: true } ? TuiTone.Good : TuiTone.Muted);
        Write(x, 3, DashboardText.Heard(window), window is { Speech: true } ? TuiTone.Good : TuiTone.Muted);

        var (filled, empty) = TextBar.Render(DashboardText.LevelFraction(window), MeterWidth);
        x = Write(0, 4, "Level".PadRight(LabelWidth), TuiTone.Muted);
        x = Write(x, 4, filled, TuiTone.Normal);
        x = Write(x, 4, empty, TuiTone.Muted);
        Write(x, 4, " " + DashboardText.Level(window), TuiTone.Normal);

        Line(5, "Latency", DashboardText.Latency(state.Latency), TuiTone.Normal);
        Line(6, "Voice", DashboardText.Calibration(state.Calibration), state.Calibration is { Enabled: true } ? TuiTone.Normal : TuiTone.Muted);
        return true;
    }

    private void Line(int row, string label, string value, TuiTone tone)
    {
        var x = Write(0, row, label.PadRight(LabelWidth), TuiTone.Muted);
        Write(x, row, value, tone);
    }
}
