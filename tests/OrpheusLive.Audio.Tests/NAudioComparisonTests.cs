using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using OrpheusLive.Audio.Dsp;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

/// <summary>
/// Keeps the README's reason for the own WAV reader and resampler checked: measured against NAudio 3.3's
/// <see cref="WaveFileReader"/> on the shared conformance corpus, and against its <see cref="WdlResamplingSampleProvider"/>
/// on a pure tone. If NAudio improves, these fail and the README (and maybe the choice) must change.
/// </summary>
public sealed class NAudioComparisonTests(ITestOutputHelper output)
{
    private static readonly string? Corpus = WavConformanceTests.CorpusRoot;

    [Fact]
    public void On_every_valid_conformance_file_naudio_and_the_own_reader_agree_sample_for_sample()
    {
        string[] files = CorpusFiles("valid");
        foreach (string file in files)
        {
            float[] ours = WavFile.Read(file).Samples;
            float[] theirs = ReadWithNAudio(file);
            theirs.Length.ShouldBe(ours.Length, Path.GetFileName(file));
            for (int i = 0; i < ours.Length; i++) theirs[i].ShouldBe(ours[i], 1e-6f, Path.GetFileName(file));
        }

        files.Length.ShouldBe(70);
    }

    [Fact]
    public void On_invalid_files_naudio_reads_8_of_37_silently_and_never_names_the_file_while_the_own_reader_rejects_all_by_name()
    {
        var acceptedByNAudio = new List<string>();
        string[] files = CorpusFiles("invalid");
        files.Length.ShouldBe(37);
        foreach (string file in files)
        {
            string name = Path.GetFileName(file);
            Should.Throw<WavFormatException>(() => WavFile.Read(file)).Message.ShouldContain(name);
            try
            {
                ReadWithNAudio(file);
                acceptedByNAudio.Add(name);
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or ArgumentException or IOException or InvalidOperationException or NotSupportedException)
            {
                e.Message.ShouldNotContain(name);
            }
        }

        output.WriteLine($"NAudio WaveFileReader read these invalid files without an error: {string.Join(", ", acceptedByNAudio)}");
        acceptedByNAudio.Count.ShouldBe(8);
    }

    [Fact]
    public void The_own_resampler_is_far_cleaner_than_naudios_wdl_resampler_from_44k1_to_16k()
    {
        const int inRate = 44_100, outRate = 16_000;
        float[] tone = Signals.Sine(1000, inRate, inRate * 2, 0.5);

        var ours = new Resampler(inRate, outRate);
        var oursOut = new float[ours.MaxOutputFor(tone.Length) + ours.MaxFlushOutput];
        int n = ours.Process(tone, oursOut);
        n += ours.Flush(oursOut.AsSpan(n));

        var wdl = new WdlResamplingSampleProvider(new ArraySampleProvider(tone, inRate), outRate);
        var wdlOut = new float[outRate * 3];
        int m = 0, read;
        while ((read = wdl.Read(wdlOut.AsSpan(m, Math.Min(4096, wdlOut.Length - m)))) > 0) m += read;

        double oursSnr = SnrDb(oursOut.AsSpan(0, n), 1000, outRate);
        double wdlSnr = SnrDb(wdlOut.AsSpan(0, m), 1000, outRate);
        output.WriteLine($"1 kHz tone 44.1 → 16 kHz: own windowed-sinc SNR {oursSnr:F1} dB, NAudio WdlResampler {wdlSnr:F1} dB");

        oursSnr.ShouldBeGreaterThan(100);
        wdlSnr.ShouldBeLessThan(80);
    }

    /// <summary>Tone power over the power of everything else, in the middle half (a least-squares sine fit at the known frequency).</summary>
    private static double SnrDb(ReadOnlySpan<float> signal, double frequency, int rate)
    {
        ReadOnlySpan<float> x = signal.Slice(signal.Length / 4, signal.Length / 2);
        double ss = 0, cc = 0, sc = 0, xs = 0, xc = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = Math.Sin(2 * Math.PI * frequency * i / rate), c = Math.Cos(2 * Math.PI * frequency * i / rate);
            ss += s * s; cc += c * c; sc += s * c; xs += x[i] * s; xc += x[i] * c;
        }

        double det = ss * cc - sc * sc, a = (xs * cc - xc * sc) / det, b = (xc * ss - xs * sc) / det;
        double tonePower = 0, noisePower = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double fit = a * Math.Sin(2 * Math.PI * frequency * i / rate) + b * Math.Cos(2 * Math.PI * frequency * i / rate);
            tonePower += fit * fit;
            noisePower += (x[i] - fit) * (x[i] - fit);
        }

        return 10 * Math.Log10(tonePower / noisePower);
    }

    private static float[] ReadWithNAudio(string path)
    {
        using var reader = new WaveFileReader(path);
        ISampleProvider samples = reader.ToSampleProvider();
        var all = new List<float>();
        var buffer = new float[4096 * Math.Max(1, samples.WaveFormat.Channels)];
        int read;
        while ((read = samples.Read(buffer)) > 0) all.AddRange(buffer.AsSpan(0, read));
        return [.. all];
    }

    private static string[] CorpusFiles(string folder)
    {
        Assert.SkipWhen(Corpus is null, "The WAV conformance corpus is not present (../shared/wav-conformance); set ORPHEUS_WAV_CONFORMANCE.");
        return Directory.GetFiles(Path.Combine(Corpus!, folder), "*.wav").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A sample provider over an array (NAudio has none built in for float[]).</summary>
    private sealed class ArraySampleProvider(float[] samples, int rate) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(rate, 1);

        public int Read(Span<float> buffer)
        {
            int count = Math.Min(buffer.Length, samples.Length - _position);
            samples.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
