using OrpheusLive.Tui.Live;

namespace OrpheusLive.Tui.Tests.Live;

/// <summary>Bars in eighth cells and the braille canvas of the listener plane.</summary>
public sealed class TextBarAndCanvasTests
{
    [Theory]
    [InlineData(0.0, 4, "", "░░░░")]
    [InlineData(0.5, 4, "██", "░░")]
    [InlineData(0.53125, 4, "██▏", "░")]
    [InlineData(1.0, 4, "████", "")]
    [InlineData(2.0, 3, "███", "")]
    [InlineData(double.NaN, 3, "", "░░░")]
    public void Bars_fill_whole_and_eighth_cells_and_always_span_the_width(double fraction, int width, string filled, string empty)
    {
        var (f, e) = TextBar.Render(fraction, width);

        f.ShouldBe(filled);
        e.ShouldBe(empty);
        (f.Length + e.Length).ShouldBe(width);
    }

    [Fact]
    public void Braille_dots_map_to_the_unicode_dot_numbers()
    {
        var canvas = new BrailleCanvas(2, 1);
        canvas.Set(0, 0, foreground: true);   // dot 1
        canvas.Set(1, 3, foreground: false);  // dot 8
        canvas.Set(3, 1, foreground: false);  // second cell, dot 5

        canvas.Cell(0, 0).ShouldBe(('\u2881', true)); // dots 1 + 8
        canvas.Cell(1, 0).ShouldBe(('\u2810', false));
        canvas.Set(-1, 0, true);
        canvas.Set(4, 0, true); // outside: ignored
        canvas.Cell(1, 0).ShouldBe(('\u2810', false));
    }

    [Fact]
    public void The_plane_puts_pleasant_right_and_excited_up()
    {
        var canvas = new BrailleCanvas(10, 4); // 20 × 16 dots

        canvas.Locate(-1, 1).ShouldBe((0, 0));
        canvas.Locate(1, -1).ShouldBe((19, 15));
        canvas.Locate(0, 0).ShouldBe((10, 8));
        canvas.Locate(5, -5).ShouldBe((19, 15));
    }
}
