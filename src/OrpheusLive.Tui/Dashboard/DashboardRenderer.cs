using OrpheusLive.Core.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// Maps a <see cref="DashboardView"/> to Spectre widgets sized to the terminal: a bordered panel whose lines are cut to the
/// width and whose timeline shrinks so the whole dashboard fits the height (80×24 and up). Colours are only a help:
/// every state is also in the text (a '>' marks the top emotion, percentages are printed).
/// </summary>
public sealed class DashboardRenderer(DashboardTheme theme)
{
    /// <summary>Narrowest layout; below it lines are laid out for this width (80 columns is the design size).</summary>
    public const int MinWidth = 40;

    /// <summary>Lowest layout; below it the bottom is cropped (24 rows is the design size).</summary>
    public const int MinHeight = 12;

    private const int InfoLabelWidth = 9;
    private readonly string _ellipsis = theme.Unicode ? "…" : "...";

    /// <summary>The dashboard for a terminal <paramref name="width"/> × <paramref name="height"/> cells.</summary>
    public IRenderable Render(DashboardView view, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(view);
        width = Math.Max(MinWidth, width);
        height = Math.Max(MinHeight, height);

        // Panel: one border cell and one padding cell each side; one spare row because the live display keeps the cursor below it.
        var inner = width - 4;
        var budget = height - 2 - 1;
        var leftWidth = inner * 11 / 20;
        var left = BarLines(view, leftWidth);
        var right = InfoLines(view, inner - leftWidth - 2);
        var body = new List<StyledLine>();
        for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
        {
            var line = (i < left.Count ? left[i] : new StyledLine()).PadTo(leftWidth).Add("  ");
            body.Add(line.Append(i < right.Count ? right[i] : new StyledLine()));
        }

        var footer = new List<StyledLine>();
        foreach (var warning in view.Warnings)
        {
            footer.AddRange(WarningLines(warning, inner));
        }

        if (view.State is DashboardState.Paused or DashboardState.InputEnded or DashboardState.Stopped)
        {
            footer.Add(new StyledLine().Add(Sym("● ", "* "), StateStyle(view.State)).Add(Text(Capitalize(view.StateText)), StateStyle(view.State)));
        }

        if (view.Notice is { } notice)
        {
            footer.AddRange(MessageLines(Sym("» ", "> "), notice, "cyan", inner));
        }

        footer.AddRange(KeyLines(view.Keys, inner));

        var lines = new List<StyledLine>(body);
        var spare = budget - body.Count - footer.Count;
        if (view.TimelineVisible && spare >= 2)
        {
            lines.Add(RuleLine("Timeline", inner));
            var shown = view.Timeline.Skip(Math.Max(0, view.Timeline.Count - (spare - 1))).ToList();
            if (shown.Count == 0)
            {
                lines.Add(new StyledLine().Add("(nothing yet)", "grey"));
            }

            lines.AddRange(shown.Select(TimelineLine));
        }
        else if (spare >= 1)
        {
            lines.Add(RuleLine("", inner));
        }

        lines.AddRange(footer);
        var rows = lines.Take(budget).Select(l => (IRenderable)new Markup(l.Fit(inner, _ellipsis).ToMarkup()));
        return new Panel(new Rows(rows))
            .Header(Header(view, inner - 4).ToMarkup())
            .Border(theme.Unicode ? BoxBorder.Rounded : BoxBorder.Ascii)
            .Padding(1, 0, 1, 0)
            .Expand();
    }

    private StyledLine Header(DashboardView view, int width) =>
        new StyledLine()
            .Add(" OrpheusLive ", "bold")
            .Add(Sym("· ", "- "))
            .Add(StateLabel(view.State), $"bold {StateStyle(view.State)}")
            .Add(Sym(" · ", " - "))
            .Add("input: ")
            .Add(Text(view.Input))
            .Fit(width, _ellipsis)
            .Add(" ");

    private static string StateLabel(DashboardState state) => state switch
    {
        DashboardState.Listening => "LISTENING",
        DashboardState.Paused => "PAUSED",
        DashboardState.InputEnded => "INPUT ENDED",
        DashboardState.Stopped => "STOPPED",
        _ => "STARTING",
    };

    private static string StateStyle(DashboardState state) => state switch
    {
        DashboardState.Listening => "green",
        DashboardState.Paused => "yellow",
        DashboardState.InputEnded => "cyan",
        DashboardState.Stopped => "red",
        _ => "grey",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private List<StyledLine> BarLines(DashboardView view, int width)
    {
        var lines = new List<StyledLine> { new StyledLine().Add("Emotions ", "bold").Add(Text(view.BarsCaption), "grey") };
        if (view.Bars.Count == 0)
        {
            lines.Add(new StyledLine().Add("  (no speech analysed yet)", "grey"));
            return lines;
        }

        var labelWidth = Math.Min(12, view.Bars.Max(b => b.Label.Length));
        var barWidth = Math.Max(4, width - 2 - labelWidth - 1 - 5);
        foreach (var bar in view.Bars)
        {
            var (filled, empty) = TextBar.Draw(bar.Fraction, barWidth, theme.BlockBars);
            lines.Add(new StyledLine()
                .Add(bar.IsTop ? "> " : "  ", "bold")
                .Add(Cut(bar.Label, labelWidth).PadRight(labelWidth) + " ", bar.IsTop ? "bold" : null)
                .Add(filled, bar.IsTop ? "green" : "grey")
                .Add(empty, "grey")
                .Add(bar.Percent.PadLeft(5), bar.IsTop ? "bold" : null));
        }

        return lines;
    }

    private List<StyledLine> InfoLines(DashboardView view, int width)
    {
        var levelBarWidth = Math.Max(4, width - InfoLabelWidth - 12);
        var (filled, empty) = TextBar.Draw(view.LevelFraction, levelBarWidth, theme.BlockBars);
        return
        [
            Info("Stable", view.StableEmotion, "bold green"),
            Info("Speech", view.Speech, view.Speech.StartsWith("speech", StringComparison.Ordinal) ? "green" : null),
            Info("Mood", view.Mood, "bold magenta"),
            Info("Playing", view.Playing, null),
            Info("Device", view.Device, null),
            new StyledLine().Add("Level".PadRight(InfoLabelWidth), "grey").Add(filled, "green").Add(empty, "grey").Add(" " + view.LevelText),
            Info("Latency", view.Latency, null),
        ];

        StyledLine Info(string label, string value, string? style) =>
            new StyledLine().Add(label.PadRight(InfoLabelWidth), "grey").Add(Text(value), style).Fit(width, _ellipsis);
    }

    private StyledLine TimelineLine(TimelineLine line)
    {
        var style = line.Kind switch
        {
            TimelineKind.Decision => "magenta",
            TimelineKind.Status => "yellow",
            TimelineKind.Silence => "grey",
            _ => null,
        };
        return new StyledLine().Add(line.Time.PadLeft(9) + "  ", "grey").Add(Text(line.Text), style);
    }

    private IEnumerable<StyledLine> WarningLines(WarningLine warning, int width) =>
        warning.Severity == StatusSeverity.Error
            ? MessageLines(Sym("✖ ", "x "), warning.Text, "bold red", width)
            : MessageLines(Sym("⚠ ", "! "), warning.Text, "yellow", width);

    /// <summary>A message on at most two lines (wrapped at a space, then cut), so one long message cannot push out the keys.</summary>
    private IEnumerable<StyledLine> MessageLines(string prefix, string message, string style, int width)
    {
        var first = Wrap(Text(message), width - prefix.Length, out var rest);
        yield return new StyledLine().Add(prefix, style).Add(first, style);
        if (rest.Length > 0)
        {
            yield return new StyledLine().Add(new string(' ', prefix.Length)).Add(rest, style).Fit(width, _ellipsis);
        }
    }

    private static IEnumerable<StyledLine> KeyLines(IReadOnlyList<KeyHint> keys, int width)
    {
        var line = new StyledLine();
        foreach (var key in keys)
        {
            var hint = new StyledLine().Add($"[{key.Key}]", "bold cyan").Add($" {key.Label}");
            if (line.Length > 0 && line.Length + 2 + hint.Length > width)
            {
                yield return line;
                line = new StyledLine();
            }

            if (line.Length > 0)
            {
                line.Add("  ");
            }

            line.Append(hint);
        }

        yield return line;
    }

    private StyledLine RuleLine(string title, int width)
    {
        var dash = Sym("─", "-");
        var line = new StyledLine();
        if (title.Length > 0)
        {
            line.Add(dash + dash + " ", "grey").Add(title, "bold").Add(" ", "grey");
        }

        return line.Add(string.Concat(Enumerable.Repeat(dash, Math.Max(0, width - line.Length))), "grey");
    }

    /// <summary>Splits <paramref name="text"/> at the last space that fits <paramref name="width"/>; the remainder goes to <paramref name="rest"/>.</summary>
    private static string Wrap(string text, int width, out string rest)
    {
        if (text.Length <= width)
        {
            rest = "";
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, width));
        if (cut <= 0)
        {
            cut = width;
        }

        rest = text[cut..].TrimStart();
        return text[..cut];
    }

    private string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - _ellipsis.Length)] + _ellipsis;

    private string Sym(string unicode, string ascii) => theme.Unicode ? unicode : ascii;

    /// <summary>Replaces the view model's typographic characters when the terminal cannot show them.</summary>
    private string Text(string text) => theme.Unicode
        ? text
        : text.Replace("—", "-", StringComparison.Ordinal)
            .Replace("…", "...", StringComparison.Ordinal)
            .Replace("→", "->", StringComparison.Ordinal)
            .Replace("♪", "*", StringComparison.Ordinal)
            .Replace("×", "x", StringComparison.Ordinal)
            .Replace("·", "-", StringComparison.Ordinal);
}
