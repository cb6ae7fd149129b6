using System.Net;
using System.Text.Json;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Onnx;

namespace OrpheusLive.Api.Tests;

/// <summary>End to end on the real ONNX Runtime and Silero speech gate: uploads scored through the API.</summary>
public sealed class RealModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_clip_is_scored_by_the_trained_model()
    {
        var modelPath = RepoFiles.Path("models", "orpheus-ser.onnx");
        if (!File.Exists(modelPath) || new FileInfo(modelPath).Length < 1024)
        {
            Assert.Skip($"The trained model {modelPath} is not there yet (it is trained by another engineer); re-run when it is.");
        }

        await ScoreThroughTheApiAsync(modelPath, RepoFiles.Path("samples", "demo.wav"));
    }

    [Fact]
    public async Task Golden_clip_scores_match_the_models_golden_probabilities()
    {
        var modelPath = RepoFiles.Path("models", "orpheus-ser.onnx");
        var goldenPath = RepoFiles.Path("models", "orpheus-ser.golden.json");
        if (!File.Exists(modelPath) || !File.Exists(goldenPath))
        {
            Assert.Skip($"The trained model and its golden file ({goldenPath}) are not there yet.");
        }

        using var golden = JsonDocument.Parse(await File.ReadAllTextAsync(goldenPath, Ct));
        var labels = golden.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var wavCase = golden.RootElement.GetProperty("cases").EnumerateArray()
            .FirstOrDefault(c => c.GetProperty("input").GetProperty("kind").GetString() == "wav");
        if (wavCase.ValueKind != JsonValueKind.Object)
        {
            Assert.Skip("The golden file has no WAV case.");
        }

        var clipPath = RepoFiles.Path("models", wavCase.GetProperty("input").GetProperty("file").GetString()!);
        var expected = wavCase.GetProperty("expected_probs").EnumerateArray().Select(p => p.GetDouble()).ToArray();
        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = modelPath });
        await using var api = await TestApi.StartAsync(classifier);

        // One 3 s clip = one window, so the API must answer exactly the model's probabilities (rounded to 4 places).
        using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(await File.ReadAllBytesAsync(clipPath, Ct)), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("windows").GetInt32().ShouldBe(1);
        json.GetProperty("emotion").GetString().ShouldBe(wavCase.GetProperty("expected_argmax").GetString());
        for (var i = 0; i < labels.Length; i++)
        {
            json.GetProperty("scores").GetProperty(labels[i]).GetDouble().ShouldBe(expected[i], 2e-4, labels[i]);
        }
    }

    [Fact]
    public async Task Speech_clip_is_scored_by_a_fixture_model_on_the_real_runtime()
    {
        var modelPath = RepoFiles.Path("tests", "fixtures", "onnx", "tiny_waveform.onnx");
        var clipPath = RepoFiles.Path("tests", "fixtures", "onnx", "speech-en-16k.wav");
        if (!File.Exists(modelPath) || !File.Exists(clipPath))
        {
            Assert.Skip("The ONNX test fixtures (tests/fixtures/onnx) are missing.");
        }

        await ScoreThroughTheApiAsync(modelPath, clipPath);
    }

    private static async Task ScoreThroughTheApiAsync(string modelPath, string clipPath)
    {
        if (OperatingSystem.IsLinux() && !File.Exists(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1")))
        {
            Assert.Skip("The native ONNX Runtime (libonnxruntime.so.1) was not copied next to the tests.");
        }

        var options = new OnnxOptions { Path = modelPath };
        using var classifier = new OnnxEmotionClassifier(options);
        // Like the app: one shared speech gate (Silero locks internally), owned and disposed here.
        var detector = SpeechDetectorFactory.Create(options);
        using var ownedDetector = detector as IDisposable;
        await using var api = await TestApi.StartAsync(classifier, speechDetectors: () => detector);
        var clip = await File.ReadAllBytesAsync(clipPath, Ct);

        var labels = await (await api.Client.GetAsync("/api/emotions", Ct)).JsonAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(clip), Ct);
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync(Ct));
        }));

        labels.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(classifier.Labels);
        labels.GetProperty("model").GetProperty("runtime").GetString()!.ShouldContain("ONNX Runtime");
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK, responses[0].Text);
        responses.Select(r => r.Text).Distinct().Count().ShouldBe(1); // concurrent requests, same answer
        using var json = JsonDocument.Parse(responses[0].Text);
        var root = json.RootElement;
        classifier.Labels.ShouldContain(root.GetProperty("emotion").GetString());
        root.GetProperty("windows").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("scores").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1.0, 0.01);
        root.GetProperty("confidence").GetDouble().ShouldBeInRange(0, 1);
    }
}
