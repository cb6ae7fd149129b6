using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

/// <summary>
/// The shared WAV conformance corpus (jstrait/wavefile fixtures), read by path and never copied into the repository.
/// Set ORPHEUS_WAV_CONFORMANCE to point elsewhere; the tests skip when the folder is absent.
/// </summary>
public sealed class WavConformanceTests
{
    private const string Missing = "(corpus missing)";

    private static readonly string? Root = FindCorpus();

    /// <summary>The corpus folder, or null when it is not present.</summary>
    internal static string? CorpusRoot => Root;

    public static TheoryData<string> ValidFiles => Files("valid");

    public static TheoryData<string> InvalidFiles => Files("invalid");

    public static TheoryData<string> UnsupportedFiles => Files("unsupported");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_file_is_read(string name)
    {
        var path = PathOf("valid", name);
        var data = WavFile.Read(path);

        data.Format.Channels.ShouldBeGreaterThan(0);
        data.Format.SampleRate.ShouldBe(44100);
        data.IsTruncated.ShouldBeFalse();
        if (name != "no_samples.wav") data.FrameCount.ShouldBeGreaterThan(0);
        foreach (var sample in data.Samples) float.IsFinite(sample).ShouldBeTrue();
        if (data.Samples.Length > 0) data.Samples.Max(Math.Abs).ShouldBeLessThanOrEqualTo(1.0001f);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_file_gives_a_clear_error(string name)
    {
        var path = PathOf("invalid", name);
        var e = Should.Throw<WavFormatException>(() => WavFile.Read(path));

        e.Message.ShouldContain(name);
        e.Message.Length.ShouldBeGreaterThan(name.Length + 20);
    }

    [Theory]
    [MemberData(nameof(UnsupportedFiles))]
    public void Unsupported_file_is_read_or_reported_as_unsupported(string name)
    {
        var path = PathOf("unsupported", name);
        try
        {
            var data = WavFile.Read(path);
            data.Format.Channels.ShouldBeGreaterThan(0); // we support it (A-law, 24-in-32 extensible)
        }
        catch (WavFormatException e)
        {
            e.Kind.ShouldBe(WavErrorKind.Unsupported, e.Message);
            e.Message.ShouldContain("support");
            e.Message.ShouldContain(name);
        }
    }

    [Fact]
    public void Valid_pcm16_stereo_matches_the_documented_square_wave()
    {
        if (Root is null) Assert.Skip("The WAV conformance corpus is not present (../shared/wav-conformance).");
        var data = WavFile.Read(PathOf("valid", "stereo_pcm_16_44100.wav"));
        data.Format.ShouldBe(WavFormat.Pcm(44100, 2, 16));
        // The fixtures hold a square wave of ±10000 (0x2710 / 0xD8F0).
        data.Samples.Max().ShouldBe(10000 / 32768f, 1e-6);
        data.Samples.Min().ShouldBe(-10000 / 32768f, 1e-6);
    }

    private static string PathOf(string folder, string name)
    {
        if (Root is null || name == Missing) Assert.Skip("The WAV conformance corpus is not present (../shared/wav-conformance); set ORPHEUS_WAV_CONFORMANCE.");
        return Path.Combine(Root, folder, name);
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        var dir = Root is null ? null : Path.Combine(Root, folder);
        if (dir is null || !Directory.Exists(dir))
        {
            data.Add(Missing);
            return data;
        }
        foreach (var file in Directory.GetFiles(dir, "*.wav").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    private static string? FindCorpus()
    {
        var configured = Environment.GetEnvironmentVariable("ORPHEUS_WAV_CONFORMANCE");
        if (!string.IsNullOrWhiteSpace(configured)) return Directory.Exists(configured) ? configured : null;
        // <repo>/../shared/wav-conformance, found by walking up from the test binaries.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "wav-conformance");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
