using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace OrpheusLive.Tui.Hosting;

/// <summary>
/// The attributes of the UI: colours, or — when <c>NO_COLOR</c> is set (https://no-color.org) — the terminal's own
/// colours with bold, underline and reverse only. Terminal.Gui alone would still draw 16 colours under <c>NO_COLOR</c>,
/// so the monochrome theme also replaces the scheme of every runnable the app opens (see <see cref="Apply"/>).
/// </summary>
public sealed class TuiTheme
{
    private static readonly Color Default = Color.None;

    private TuiTheme(bool noColor)
    {
        NoColor = noColor;
        Scheme = noColor ? MonochromeScheme() : null;
    }

    /// <summary>True when nothing is drawn in colour.</summary>
    public bool NoColor { get; }

    /// <summary>The scheme every runnable gets, or null to keep Terminal.Gui's.</summary>
    public Scheme? Scheme { get; }

    /// <summary>The theme for <paramref name="noColor"/>.</summary>
    public static TuiTheme Create(bool noColor) => new(noColor);

    /// <summary>True when the <c>NO_COLOR</c> environment variable is set to a non-empty value.</summary>
    public static bool NoColorRequested() => Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    /// <summary>
    /// Gives <paramref name="runnable"/> (a window or dialog) and every view in it the theme's scheme: views such as
    /// the status bar name their own scheme ("Menu"), so setting the runnable's alone would leave them in colour.
    /// </summary>
    public void Apply(View runnable)
    {
        ArgumentNullException.ThrowIfNull(runnable);
        if (Scheme is { } scheme)
        {
            ApplyTree(runnable, scheme);
        }
    }

    private static void ApplyTree(View view, Scheme scheme)
    {
        view.SetScheme(scheme);
        foreach (var subView in view.SubViews)
        {
            ApplyTree(subView, scheme);
        }
    }

    /// <summary>The attribute for text of <paramref name="tone"/>; <paramref name="normal"/> is the view's own normal attribute.</summary>
    public Attribute For(TuiTone tone, Attribute normal)
    {
        if (NoColor)
        {
            return tone switch
            {
                TuiTone.Strong or TuiTone.Accent or TuiTone.Warning => new Attribute(Default, Default, TextStyle.Bold),
                TuiTone.Error => new Attribute(Default, Default, TextStyle.Bold | TextStyle.Underline),
                TuiTone.Muted => new Attribute(Default, Default, TextStyle.Faint),
                TuiTone.Alert => new Attribute(Default, Default, TextStyle.Bold | TextStyle.Reverse),
                _ => new Attribute(Default, Default),
            };
        }

        return tone switch
        {
            TuiTone.Strong => normal with { Style = TextStyle.Bold },
            TuiTone.Accent => new Attribute(new Color(ColorName16.BrightGreen), normal.Background, TextStyle.Bold),
            TuiTone.Good => new Attribute(new Color(ColorName16.Green), normal.Background),
            TuiTone.Warning => new Attribute(new Color(ColorName16.Yellow), normal.Background),
            TuiTone.Error => new Attribute(new Color(ColorName16.BrightRed), normal.Background, TextStyle.Bold),
            TuiTone.Muted => new Attribute(new Color(ColorName16.DarkGray), normal.Background),
            TuiTone.Alert => new Attribute(new Color(ColorName16.Black), new Color(ColorName16.Yellow), TextStyle.Bold),
            _ => normal,
        };
    }

    private static Scheme MonochromeScheme()
    {
        var plain = new Attribute(Default, Default);
        var reverse = new Attribute(Default, Default, TextStyle.Reverse);
        return new Scheme(plain)
        {
            Normal = plain,
            Focus = reverse,
            HotNormal = new Attribute(Default, Default, TextStyle.Underline),
            HotFocus = new Attribute(Default, Default, TextStyle.Reverse | TextStyle.Underline),
            Active = new Attribute(Default, Default, TextStyle.Bold | TextStyle.Reverse),
            HotActive = new Attribute(Default, Default, TextStyle.Bold | TextStyle.Reverse | TextStyle.Underline),
            Highlight = reverse,
            Editable = new Attribute(Default, Default, TextStyle.Underline),
            ReadOnly = plain,
            Disabled = new Attribute(Default, Default, TextStyle.Faint),
        };
    }
}
