using System.Diagnostics;
using OrpheusLive.Library.Analysis;
using OrpheusLive.Library.Emotion;
using OrpheusLive.Library.Scanning;

namespace OrpheusLive.Library.Tests;

/// <summary>
/// Metamorphic checks on real music: Frozen Bubble's main theme (Debian <c>frozen-bubble-data</c>, GPL-2, installed by
/// <c>scripts/setup.sh --test</c>), transformed with sox (time-stretch, treble boost, gain).
/// </summary>
public sealed class RealMusicTests : IDisposable
{
    private const string Theme = "/usr/share/games/frozen-bubble/snd/frozen-mainzik-1p.ogg";
    private readonly TestLibrary _lib = new();

    public void Dispose() => _lib.Dispose();

    private static void RequireMusic()
    {
        if (!File.Exists(Theme)) Assert.Skip($"{Theme} is missing: scripts/setup.sh --test installs frozen-bubble-data.");
        if (Audio.Decoding.ProgramLocator.Find("sox") is null) Assert.Skip("sox is not installed.");
    }

    private string Sox(string name, params string[] effects)
    {
        var output = Path.Combine(_lib.Music, name);
        var psi = new ProcessStartInfo("sox") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Theme, output, "trim", "20", "60" }.Concat(effects)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, error);
        return output;
    }

    private Core.Moods.AffectPoint Point(string path) =>
        ValenceArousalModel.Default.Estimate(new TrackAnalyzer().AnalyzeFile(_lib.Decoder, path, TestContext.Current.CancellationToken));

    [Fact]
    public void Faster_brighter_and_louder_versions_of_a_real_track_each_get_higher_arousal()
    {
        RequireMusic();
        var original = Point(Sox("original.wav", "gain", "-6"));

        Point(Sox("faster.wav", "gain", "-6", "tempo", "1.3")).Arousal.ShouldBeGreaterThan(original.Arousal);
        Point(Sox("brighter.wav", "gain", "-6", "treble", "+10", "gain", "-n", "-6")).Arousal.ShouldBeGreaterThan(original.Arousal);
        Point(Sox("louder.wav", "gain", "0")).Arousal.ShouldBeGreaterThan(original.Arousal);
    }

    [Fact]
    public async Task A_real_track_scanned_into_two_libraries_gets_identical_features_and_its_copy_is_not_analysed_again()
    {
        RequireMusic();
        File.Copy(Theme, Path.Combine(_lib.Music, "theme.ogg"));
        using var other = new TestLibrary();
        File.Copy(Theme, Path.Combine(other.Music, "theme.ogg"));

        var (first, _) = await _lib.ScanAsync(TestContext.Current.CancellationToken);
        var (second, _) = await other.ScanAsync(TestContext.Current.CancellationToken);
        File.Copy(Theme, Path.Combine(_lib.Music, "copy of theme.ogg"));
        var (copy, results) = await _lib.ScanAsync(TestContext.Current.CancellationToken);

        first.Analysed.ShouldBe(1);
        second.Analysed.ShouldBe(1);
        var a = _lib.Library.List().Single();
        var b = other.Library.List().Single();
        System.Text.Json.JsonSerializer.Serialize(a.Features).ShouldBe(System.Text.Json.JsonSerializer.Serialize(b.Features));
        (a.Valence, a.Arousal, a.Mood).ShouldBe((b.Valence, b.Arousal, b.Mood));
        a.Format.ShouldBe("Ogg Vorbis");
        a.DurationSeconds!.Value.ShouldBeGreaterThan(60);
        copy.Analysed.ShouldBe(0);
        results.ShouldAllBe(r => r.Status == ScanStatus.Cached);
        _lib.Library.List().Single().Paths.Count.ShouldBe(2);
    }
}
