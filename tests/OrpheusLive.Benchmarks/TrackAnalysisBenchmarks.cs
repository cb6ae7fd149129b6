using BenchmarkDotNet.Attributes;
using NWaves.FeatureExtractors;
using NWaves.FeatureExtractors.Multi;
using NWaves.FeatureExtractors.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// Analysing one track: decode + analyse a real OGG (Frozen Bubble's theme, <c>frozen-bubble-data</c>; 60 s of generated
/// WAV when it is missing), against decoding alone as the peer; and the frame features of 30 s in memory through the
/// library's one-FFT <see cref="SpectralFrame"/> against NWaves's own MFCC + spectral + chroma extractors.
/// Audio seconds per wall second = track length ÷ the mean time.
/// Run: <c>dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- --filter '*TrackAnalysis*'</c>
/// </summary>
[MemoryDiagnoser]
public class TrackAnalysisBenchmarks
{
    private const string Theme = "/usr/share/games/frozen-bubble/snd/frozen-mainzik-1p.ogg";
    private readonly AudioDecoder _decoder = new(AudioFormats.All());
    private readonly TrackAnalyzer _analyzer = new();
    private readonly float[] _block = new float[4096];
    private string _file = Theme;
    private float[] _thirtySeconds = [];
    private SpectralFrame _frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!File.Exists(_file))
        {
            _file = Path.Combine(Path.GetTempPath(), "orpheus-bench-track.wav");
            var x = new float[44_100 * 60 * 2];
            var r = new Random(1);
            for (var i = 0; i < x.Length; i++) x[i] = (float)(0.3 * Math.Sin(i * 0.02) + 0.05 * (r.NextDouble() - 0.5));
            OrpheusLive.Audio.Wav.WavFile.Write(_file, OrpheusLive.Audio.Wav.WavFormat.Pcm(44_100, 2), x);
        }
        using var reader = _decoder.Open(_file, 22_050);
        _thirtySeconds = new float[22_050 * 30];
        reader.Read(_thirtySeconds);
        _frame = new SpectralFrame(2048, 22_050);
        Console.WriteLine($"// track: {_file}, {_analyzer.AnalyzeFile(_decoder, _file).DurationSeconds:0.0} s");
    }

    [Benchmark(Baseline = true, Description = "decode only (peer)")]
    public int DecodeOnly()
    {
        using var reader = _decoder.Open(_file, 22_050);
        int n, total = 0;
        while ((n = reader.Read(_block)) > 0) total += n;
        return total;
    }

    [Benchmark(Description = "decode + analyse one track")]
    public double AnalyseTrack() => _analyzer.AnalyzeFile(_decoder, _file).TempoBpm;

    [Benchmark(Description = "30 s frame features: SpectralFrame (one FFT)")]
    public float FramesOwn()
    {
        var sum = 0f;
        for (var start = 0; start + 2048 <= _thirtySeconds.Length; start += 512)
        {
            _frame.Process(_thirtySeconds.AsSpan(start, 2048));
            sum += _frame.Centroid;
        }
        return sum;
    }

    [Benchmark(Description = "30 s frame features: NWaves extractors")]
    public int FramesNWaves()
    {
        var frame = 2048 / 22_050.0;
        var hop = 512 / 22_050.0;
        var mfcc = new MfccExtractor(new MfccOptions { SamplingRate = 22_050, FeatureCount = 13, FrameDuration = frame, HopDuration = hop, FilterBankSize = 40 });
        var spectral = new SpectralFeaturesExtractor(new MultiFeatureOptions { SamplingRate = 22_050, FrameDuration = frame, HopDuration = hop, FeatureList = "centroid, rolloff, flux, contrast" });
        var chroma = new ChromaExtractor(new ChromaOptions { SamplingRate = 22_050, FrameDuration = frame, HopDuration = hop });
        return mfcc.ComputeFrom(_thirtySeconds).Count + spectral.ComputeFrom(_thirtySeconds).Count + chroma.ComputeFrom(_thirtySeconds).Count;
    }
}
