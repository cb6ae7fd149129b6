using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Live;
using Terminal.Gui.ViewBase;

namespace OrpheusLive.Tui.Library;

/// <summary>
/// The library in the valence (→) – arousal (↑) plane as characters: each analysed track is the first letter of its
/// mood at its point (several in one cell: the last drawn), the tracks of the selected mood bright and the others
/// dimmed, over the two axes. Character cells rather than braille dots, so a mood can be read off the plot.
/// </summary>
public sealed class LibraryMapView(TuiTheme theme) : PanelView(theme)
{
    private IReadOnlyList<LibraryTrack> _tracks = [];
    private string? _selected;

    /// <summary>Shows <paramref name="tracks"/>, highlighting <paramref name="selectedMood"/> (all when null).</summary>
    public void Show(IReadOnlyList<LibraryTrack> tracks, string? selectedMood)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        _tracks = tracks;
        _selected = selectedMood;
        SetNeedsDraw();
    }

    /// <summary>The cell of a point in a plot of <paramref name="columns"/> × <paramref name="rows"/> (valence right, arousal up).</summary>
    public static (int Column, int Row) Cell(double valence, double arousal, int columns, int rows) =>
        ((int)Math.Round((Math.Clamp(valence, -1, 1) + 1) / 2 * (columns - 1)),
         (int)Math.Round((1 - Math.Clamp(arousal, -1, 1)) / 2 * (rows - 1)));

    /// <inheritdoc />
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var columns = Viewport.Width;
        var rows = Viewport.Height;
        if (columns < 3 || rows < 3)
        {
            return true;
        }

        for (var column = 0; column < columns; column++)
        {
            Write(column, rows / 2, "─", TuiTone.Muted);
        }

        for (var row = 0; row < rows; row++)
        {
            Write(columns / 2, row, row == rows / 2 ? "┼" : "│", TuiTone.Muted);
        }

        // The selected mood's tracks last, so they stay visible where moods share a cell.
        foreach (var track in _tracks.Where(t => t.Valence is not null && t.Arousal is not null && t.Mood is not null)
                     .OrderBy(t => _selected is null || t.Mood == _selected))
        {
            var (column, row) = Cell(track.Valence!.Value, track.Arousal!.Value, columns, rows);
            var highlighted = _selected is null || track.Mood == _selected;
            Write(column, row, track.Mood![..1], highlighted ? TuiTone.Accent : TuiTone.Muted, maxWidth: 1);
        }

        return true;
    }
}
