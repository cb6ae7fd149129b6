using SkiaSharp;

namespace OrpheusLive.Library.Tests;

public sealed class LibraryMapTests : IDisposable
{
    private readonly TestLibrary _lib = new();

    public void Dispose() => _lib.Dispose();

    [Fact]
    public async Task The_map_is_drawn_as_png_and_svg_with_both_panels_labelled()
    {
        for (var i = 0; i < 8; i++)
            _lib.Add($"t{i}.wav", new Synth { Seconds = 5, Seed = i, TempoBpm = 70 + 12 * i, Gain = 0.15 + 0.1 * i, Major = i % 3 != 0, Harmonics = 2 + i, Drums = i > 1 });
        await _lib.ScanAsync(TestContext.Current.CancellationToken);
        var png = _lib.Dir.File("map.png");
        var svg = _lib.Dir.File("map.svg");

        _lib.Library.RenderMap(png, 1400, 700);
        _lib.Library.RenderMap(svg);

        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).ShouldBe((1400, 700));
        var text = File.ReadAllText(svg);
        text.ShouldStartWith("<?xml");
        text.ShouldContain("valence");
        text.ShouldContain("principal component 1");
        if (Environment.GetEnvironmentVariable("ORPHEUS_KEEP_MAP") is { Length: > 0 } keep) File.Copy(png, keep, true); // to look at it
        Should.Throw<ArgumentException>(() => _lib.Library.RenderMap(_lib.Dir.File("map.jpg"))).Message.ShouldContain(".png or .svg");
    }
}
