using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>Why the music has not changed yet: "Waiting  happy → upbeat: hold 1.2 s / dwell 6 s left" (from the state's <see cref="PendingChange"/>).</summary>
public sealed class PendingLine(TuiTheme theme) : PanelView(theme)
{
    /// <inheritdoc />
    protected override bool Update(PipelineState previous, PipelineState next) => previous.Pending != next.Pending;

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var x = Write(1, 0, "Waiting  ", TuiTone.Muted);
        var pending = State.Pending;
        Write(x, 0, DashboardText.Pending(pending) ?? "no change is waiting", pending is null ? TuiTone.Muted : TuiTone.Warning);
        return true;
    }
}
