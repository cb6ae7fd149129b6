namespace OrpheusLive.Tui.Live;

/// <summary>
/// A grid of braille cells, each 2 dots wide and 4 high, so a small panel holds a fine plot (24×8 cells = 48×32 dots).
/// Two layers: background dots (axes) and foreground dots (the trail), so a cell can be drawn in the tone of what it shows.
/// </summary>
public sealed class BrailleCanvas
{
    private readonly byte[] _background;
    private readonly byte[] _foreground;

    /// <summary>Creates an empty canvas of <paramref name="columns"/> × <paramref name="rows"/> cells.</summary>
    public BrailleCanvas(int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Columns = columns;
        Rows = rows;
        _background = new byte[columns * rows];
        _foreground = new byte[columns * rows];
    }

    /// <summary>Width in cells.</summary>
    public int Columns { get; }

    /// <summary>Height in cells.</summary>
    public int Rows { get; }

    /// <summary>Width in dots.</summary>
    public int DotsWide => Columns * 2;

    /// <summary>Height in dots.</summary>
    public int DotsHigh => Rows * 4;

    /// <summary>Sets the dot at (<paramref name="x"/>, <paramref name="y"/>), top left = (0, 0); dots outside are ignored.</summary>
    public void Set(int x, int y, bool foreground)
    {
        if (x < 0 || y < 0 || x >= DotsWide || y >= DotsHigh)
        {
            return;
        }

        var cell = (y / 4 * Columns) + (x / 2);
        var bit = Bit(x % 2, y % 4);
        (foreground ? _foreground : _background)[cell] |= bit;
    }

    /// <summary>The dot nearest to (<paramref name="u"/>, <paramref name="v"/>) of the plane [-1, 1]², +v up.</summary>
    public (int X, int Y) Locate(double u, double v)
    {
        var x = (int)Math.Round((Math.Clamp(u, -1, 1) + 1) / 2 * (DotsWide - 1));
        var y = (int)Math.Round((1 - Math.Clamp(v, -1, 1)) / 2 * (DotsHigh - 1));
        return (x, y);
    }

    /// <summary>The character of the cell at (<paramref name="column"/>, <paramref name="row"/>) with both layers, and whether it holds foreground dots.</summary>
    public (char Glyph, bool Foreground) Cell(int column, int row)
    {
        var i = (row * Columns) + column;
        var dots = _background[i] | _foreground[i];
        return (dots == 0 ? ' ' : (char)(0x2800 + dots), _foreground[i] != 0);
    }

    // Braille dot numbering: 1 2 3 7 down the left column, 4 5 6 8 down the right one.
    private static byte Bit(int column, int row) => (column, row) switch
    {
        (0, 3) => 0x40,
        (1, 3) => 0x80,
        (0, _) => (byte)(1 << row),
        _ => (byte)(1 << (row + 3)),
    };
}
