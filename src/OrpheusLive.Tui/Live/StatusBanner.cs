using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The top line: where the pipeline is (listening, paused, ended, stopped) with the input, and on the right the answer
/// to the last key (a notice). "Listening paused" fills the whole line in reverse, so it cannot be missed.
/// </summary>
public sealed class StatusBanner(TuiTheme theme) : PanelView(theme)
{
    private string? _notice;

    /// <summary>The short message shown on the right, or null.</summary>
    public string? Notice
    {
        get => _notice;
        set
        {
            _notice = value;
            SetNeedsDraw();
        }
    }

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var state = State;
        var tone = state.Status switch
        {
            PipelineStatus.Paused => TuiTone.Alert,
            PipelineStatus.Failed => TuiTone.Error,
            PipelineStatus.Listening => TuiTone.Good,
            PipelineStatus.Ended => TuiTone.Strong,
            _ => TuiTone.Muted,
        };
        var status = DashboardText.Status(state);
        var right = Notice is { } notice ? $"  {notice}" : $"  t {DashboardText.Clock(state.T)}";

        // The notice may take what the status leaves, and at least half the line.
        var rightWidth = Math.Min(right.Length, Math.Max(Viewport.Width / 2, Viewport.Width - status.Length));
        var end = Write(0, 0, status, tone, Viewport.Width - rightWidth);
        if (tone == TuiTone.Alert)
        {
            Pad(end, 0, TuiTone.Alert);
        }

        Write(Viewport.Width - rightWidth, 0, Fit(right, rightWidth), Notice is null ? TuiTone.Muted : TuiTone.Strong);
        return true;
    }
}
