using System.Text;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// Terminal.Gui reads "_x" in a view's text as the hot key x (and hides the underscore); names from the user's
/// mapping ("road_trip") and messages quoting them must be shown as written.
/// </summary>
public static class LiteralText
{
    /// <summary>A character no text contains, so no hot key is ever found.</summary>
    private static readonly Rune None = new(0xFFFF);

    /// <summary>Makes <paramref name="view"/> show its text literally; returns it.</summary>
    public static TView Literal<TView>(this TView view)
        where TView : View
    {
        ArgumentNullException.ThrowIfNull(view);
        view.HotKeySpecifier = None;
        return view;
    }
}
