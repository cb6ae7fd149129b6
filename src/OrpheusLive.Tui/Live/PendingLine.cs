using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>Why the music has not changed yet: "Waiting  happy → upbeat: hold 1.2 s / dwell 6 s left" (from the state's <see cref="PendingChange"/>).</summary>
public sealed class PendingLine(TuiTheme theme) : PanelView(theme)
{
    private PendingChange? _pending;

    /// <summary>Shows <paramref name="state"/>'s pending change.</summary>
    public void Show(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Pending != _pending)
        {
            _pending = state.Pending;
            SetNeedsDraw();
        }
    }

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var x = Write(1, 0, "Waiting  ", TuiTone.Muted);
        Write(x, 0, DashboardText.Pending(_pending) ?? "no change is waiting", _pending is null ? TuiTone.Muted : TuiTone.Warning);
        return true;
    }
}
