using System.Text.Json;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Onnx;

namespace OrpheusLive.IntegrationTests;

/// <summary>listen and eval read clips through the one decoder and pad short ones by the one rule, so they agree.</summary>
public sealed class OneDecoderTests
{
    [Fact]
    public async Task Listen_scores_a_clip_of_one_and_a_half_seconds_exactly_like_eval_and_the_api_score_it()
    {
        if (!File.Exists(OrpheusProcess.Model) || !File.Exists(OrpheusProcess.DemoWav))
        {
            Assert.Skip("The model or the demo input has not been built yet.");
        }

        using var dir = new TempDirectory();
        var decoder = new AudioDecoder([new WavAudioFormat()]);
        var demo = decoder.DecodeAll(OrpheusProcess.DemoWav, TimeSpan.FromMinutes(10));
        var clipPath = dir.File("clip.wav");
        WavFile.Write(clipPath, WavFormat.Float32(16_000, 1), demo.AsSpan(3 * 16_000, 24_000).ToArray()); // 1.5 s of speech

        // eval's (and the API's) path, in this process: decode the whole clip, score it with ClipAnalyzer. Noise
        // suppression is off on both sides: eval lets the suppressor hear a clip once before scoring it, as live
        // (NoiseSuppressor.SuppressClip), while a file read by listen starts it fresh.
        using var model = new OnnxEmotionClassifier(new OnnxOptions { Path = OrpheusProcess.Model });
        var clipScores = new ClipAnalyzer(new WindowAnalyzer(model, null, 0.25), 1.0).Analyze(decoder.DecodeAll(clipPath, TimeSpan.FromMinutes(1)));

        // listen's path: the real app, reading the file as its input.
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", clipPath, "--fast", "--json", "--Audio:NoiseSuppressionDb=0"], dir.Path);

        code.ShouldBe(0, stderr);
        var window = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.GetProperty("type").GetString() == "window");
        window.GetProperty("t").GetDouble().ShouldBe(1.5);
        window.GetProperty("speech").GetBoolean().ShouldBeTrue("the clip is speech, so listen runs the model on it");
        var listenScores = window.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        listenScores.Keys.ShouldBe(clipScores.Scores.Select(s => s.Key));
        foreach (var (label, probability) in clipScores.Scores)
        {
            listenScores[label].ShouldBe(Math.Round(probability, 4), 1e-4, $"{label}: listen and eval must hear the same centred window");
        }
    }
}
