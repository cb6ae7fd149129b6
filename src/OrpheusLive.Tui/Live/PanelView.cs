using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Hosting;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Live;

/// <summary>
/// A dashboard panel: draws its own text from the latest pipeline state, cropped to its width with an ellipsis, in
/// the theme's tones. Not focusable: the dashboard's keys work wherever the focus is.
/// </summary>
public abstract class PanelView : View
{
    /// <summary>Creates a panel drawn with <paramref name="theme"/>.</summary>
    protected PanelView(TuiTheme theme)
    {
        Theme = theme;
        CanFocus = false;
    }

    /// <summary>Colours or monochrome.</summary>
    protected TuiTheme Theme { get; }

    /// <summary>The state drawn.</summary>
    protected PipelineState State { get; private set; } = PipelineState.Initial;

    /// <summary>Takes <paramref name="state"/>; redraws when <see cref="Update"/> says what this panel shows changed.</summary>
    public void Show(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var previous = State;
        State = state;
        if (Update(previous, state))
        {
            SetNeedsDraw();
        }
    }

    /// <summary>
    /// Keeps what the panel needs from <paramref name="next"/> beyond <see cref="State"/> (a trail) and says whether it
    /// shows something different than for <paramref name="previous"/> (by default: any new state redraws).
    /// </summary>
    protected virtual bool Update(PipelineState previous, PipelineState next) => true;

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="width"/> characters, the last one an ellipsis when it had to be cut.
    /// (Wide characters may still overflow by a cell; the view's clip keeps them inside the panel.)
    /// </summary>
    public static string Fit(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (width <= 0)
        {
            return "";
        }

        return text.Length <= width ? text : width == 1 ? text[..1] : string.Concat(text.AsSpan(0, width - 1), "…");
    }

    /// <summary>Writes <paramref name="text"/> at (<paramref name="column"/>, <paramref name="row"/>), cropped to the panel; returns the column after it.</summary>
    protected int Write(int column, int row, string text, TuiTone tone, int maxWidth = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = Math.Min(maxWidth, Viewport.Width - column);
        if (width <= 0 || row < 0 || row >= Viewport.Height)
        {
            return column;
        }

        var fitted = Fit(text, width);
        SetAttribute(Theme.For(tone, GetAttributeForRole(VisualRole.Normal)));
        AddStr(column, row, fitted);
        return column + fitted.Length;
    }

    /// <summary>Fills the rest of <paramref name="row"/> from <paramref name="column"/> with spaces in <paramref name="tone"/> (for full-width lines).</summary>
    protected void Pad(int column, int row, TuiTone tone)
    {
        if (column < Viewport.Width)
        {
            Write(column, row, new string(' ', Viewport.Width - column), tone);
        }
    }
}
