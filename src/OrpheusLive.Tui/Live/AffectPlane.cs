using System.Globalization;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// The listener in the valence–arousal plane: valence left (unpleasant) to right (pleasant), arousal bottom (calm) to
/// top (excited), in braille dots with the axes through the middle, the trail of recent speech windows and the
/// current point as "●". "—" while the pipeline has no affect yet; the last row gives the numbers.
/// </summary>
public sealed class AffectPlane(TuiTheme theme) : PanelView(theme)
{
    private readonly AffectTrail _trail = new();

    /// <summary>Adds a new speech window's affect to the trail; redraws when the trail or the current point moved.</summary>
    protected override bool Update(PipelineState previous, PipelineState next) => _trail.Add(next) | (previous.Affect != next.Affect);

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var rows = Math.Max(0, Viewport.Height - 1);
        var columns = Viewport.Width;
        if (State.Affect is not { } current)
        {
            Write(Math.Max(0, (columns / 2) - 1), rows / 2, DashboardText.Unknown, TuiTone.Muted);
            Write(0, rows, "no speech yet", TuiTone.Muted);
            return true;
        }

        var canvas = new BrailleCanvas(columns, rows);
        for (var x = 0; x < canvas.DotsWide; x += 2)
        {
            canvas.Set(x, canvas.DotsHigh / 2, foreground: false);
        }

        for (var y = 0; y < canvas.DotsHigh; y += 2)
        {
            canvas.Set(canvas.DotsWide / 2, y, foreground: false);
        }

        foreach (var point in _trail.Points)
        {
            var (x, y) = canvas.Locate(point.Valence, point.Arousal);
            canvas.Set(x, y, foreground: true);
        }

        var (cx, cy) = canvas.Locate(current.Valence, current.Arousal);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                if (column == cx / 2 && row == cy / 4)
                {
                    Write(column, row, "●", TuiTone.Accent);
                    continue;
                }

                var (glyph, foreground) = canvas.Cell(column, row);
                if (glyph != ' ')
                {
                    Write(column, row, glyph.ToString(), foreground ? TuiTone.Normal : TuiTone.Muted);
                }
            }
        }

        Write(0, rows, string.Create(CultureInfo.InvariantCulture, $"v {current.Valence:+0.00;-0.00}  a {current.Arousal:+0.00;-0.00}"), TuiTone.Normal);
        return true;
    }
}
