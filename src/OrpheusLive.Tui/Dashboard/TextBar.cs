namespace OrpheusLive.Tui.Dashboard;

/// <summary>Draws a horizontal bar as text, readable without colour.</summary>
public static class TextBar
{
    /// <summary>A bar <paramref name="width"/> cells wide, filled to <paramref name="fraction"/> (rounded to whole cells).</summary>
    /// <param name="fraction">0..1; clamped, NaN counts as 0.</param>
    /// <param name="width">Cells; 0 or less gives an empty string.</param>
    /// <param name="blocks">'█' and '░' when true, '#' and '.' when false.</param>
    public static (string Filled, string Empty) Draw(double fraction, int width, bool blocks)
    {
        if (width <= 0)
        {
            return ("", "");
        }

        var f = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        var filled = (int)Math.Round(f * width, MidpointRounding.AwayFromZero);
        return (new string(blocks ? '█' : '#', filled), new string(blocks ? '░' : '.', width - filled));
    }
}
