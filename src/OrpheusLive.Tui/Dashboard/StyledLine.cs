using System.Text;
using Spectre.Console;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// One screen line built from styled spans, measured in cells, so the renderer can pad and cut lines to an exact width
/// (a line that wrapped would push the dashboard past the bottom of an 80×24 terminal).
/// </summary>
internal sealed class StyledLine
{
    private readonly List<(string Text, string? Style)> _spans = [];

    public int Length { get; private set; }

    public string PlainText => string.Concat(_spans.Select(s => s.Text));

    public StyledLine Add(string text, string? style = null)
    {
        if (text.Length == 0)
        {
            return this;
        }

        _spans.Add((text, style));
        Length += text.Length;
        return this;
    }

    public StyledLine Append(StyledLine other)
    {
        foreach (var (text, style) in other._spans)
        {
            Add(text, style);
        }

        return this;
    }

    /// <summary>Cuts the line to <paramref name="width"/> cells, ending in <paramref name="ellipsis"/> when it was longer.</summary>
    public StyledLine Fit(int width, string ellipsis)
    {
        if (Length <= width)
        {
            return this;
        }

        var keep = Math.Max(0, width - ellipsis.Length);
        var result = new StyledLine();
        foreach (var (text, style) in _spans)
        {
            if (result.Length >= keep)
            {
                break;
            }

            result.Add(text.Length <= keep - result.Length ? text : text[..(keep - result.Length)], style);
        }

        return result.Add(ellipsis[..Math.Min(ellipsis.Length, width)]);
    }

    public StyledLine PadTo(int width) => Length >= width ? this : Add(new string(' ', width - Length));

    public string ToMarkup()
    {
        var markup = new StringBuilder();
        foreach (var (text, style) in _spans)
        {
            var escaped = Markup.Escape(text);
            markup.Append(style is null ? escaped : $"[{style}]{escaped}[/]");
        }

        return markup.ToString();
    }
}
