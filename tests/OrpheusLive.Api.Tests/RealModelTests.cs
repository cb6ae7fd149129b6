using System.Net;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Onnx;

namespace OrpheusLive.Api.Tests;

/// <summary>End to end with the trained model on the real ONNX Runtime (skipped until the model file exists).</summary>
public sealed class RealModelTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_clip_is_scored_by_the_real_model()
    {
        var modelPath = RepoFiles.Path("models", "orpheus-ser.onnx");
        if (!File.Exists(modelPath) || new FileInfo(modelPath).Length < 1024)
        {
            Assert.Skip($"The trained model {modelPath} is not there yet (it is trained by another engineer).");
        }

        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "libonnxruntime.so.1")) && OperatingSystem.IsLinux())
        {
            Assert.Skip("The native ONNX Runtime (libonnxruntime.so.1) was not copied next to the tests.");
        }

        var options = new OnnxOptions { Path = modelPath };
        using var classifier = new OnnxEmotionClassifier(options);
        ISpeechDetector NewDetector() => SpeechDetectorFactory.Create(options);
        await using var api = await TestApi.StartAsync(classifier, speechDetectors: NewDetector);
        var demo = await File.ReadAllBytesAsync(RepoFiles.Path("samples", "demo.wav"), Ct);
        var clip = demo.Length <= 10 * 1024 * 1024 ? demo : throw new InvalidOperationException("demo.wav is over the upload limit");

        var labels = await (await api.Client.GetAsync("/api/emotions", Ct)).JsonAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(clip), Ct);
            return (response.StatusCode, Text: await response.Content.ReadAsStringAsync(Ct));
        }));

        labels.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(classifier.Labels);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        responses.Select(r => r.Text).Distinct().Count().ShouldBe(1);
        using var json = System.Text.Json.JsonDocument.Parse(responses[0].Text);
        var root = json.RootElement;
        classifier.Labels.ShouldContain(root.GetProperty("emotion").GetString());
        root.GetProperty("windows").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("scores").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1.0, 0.01);
        root.GetProperty("confidence").GetDouble().ShouldBeInRange(0, 1);
    }
}
