using System.Text.Json;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.IntegrationTests;

/// <summary>`eval` and `bench` against the real app, shipped model and ONNX Runtime.</summary>
public sealed class ModelCommandsTests
{
    [Fact]
    public async Task Eval_json_reports_accuracy_uar_per_class_and_confusion_with_skips_counted()
    {
        using var dir = new TempDirectory();
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        var rate = demo.Format.SampleRate;
        var rows = new List<string> { "path,label,speaker" };
        foreach (var (label, start, end) in OrpheusProcess.DemoBlocks)
        {
            // Two clips per block: one shorter than a window (padded), one longer (averaged over windows).
            WriteClip(dir.File($"{label}-short.wav"), demo.Samples, rate, start, start + 2.0);
            WriteClip(dir.File($"{label}-long.wav"), demo.Samples, rate, start + 2.0, end);
            rows.Add($"{label}-short.wav,{label},ravdess:12");
            rows.Add($"\"{label}-long.wav\",{label},ravdess:12");
        }

        WriteClip(dir.File("other.wav"), demo.Samples, rate, 1, 4);
        rows.Add("other.wav,disgust,ravdess:12"); // the model has no 'disgust': skipped and counted
        await File.WriteAllBytesAsync(dir.File("broken.wav"), [1, 2, 3], TestContext.Current.CancellationToken);
        rows.Add("broken.wav,happy,x"); // unreadable: reported, not fatal
        await File.WriteAllLinesAsync(dir.File("manifest.csv"), rows, TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["eval", "--manifest", dir.File("manifest.csv"), "--json"], dir.Path);

        code.ShouldBe(0, stderr);
        stderr.ShouldContain("broken.wav");
        var report = JsonDocument.Parse(stdout).RootElement;
        report.GetProperty("n").GetInt32().ShouldBe(8);
        report.GetProperty("skipped").GetInt32().ShouldBe(1);
        report.GetProperty("errors").GetInt32().ShouldBe(1);
        var perClass = report.GetProperty("per_class").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        perClass.Keys.ShouldBe(["neutral", "happy", "angry", "sad"], ignoreOrder: true);
        report.GetProperty("uar").GetDouble().ShouldBe(perClass.Values.Average(), 1e-3);
        var confusion = report.GetProperty("confusion");
        var total = 0;
        var correct = 0;
        foreach (var row in confusion.EnumerateObject())
        {
            foreach (var cell in row.Value.EnumerateObject())
            {
                total += cell.Value.GetInt32();
                correct += row.Name == cell.Name ? cell.Value.GetInt32() : 0;
            }

            if (perClass.TryGetValue(row.Name, out var recall))
            {
                recall.ShouldBe(row.Value.GetProperty(row.Name).GetInt32() / 2.0, 1e-3);
            }
        }

        total.ShouldBe(8);
        report.GetProperty("accuracy").GetDouble().ShouldBe(correct / 8.0, 1e-3);
    }

    [Fact]
    public async Task Eval_without_a_manifest_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (code, _, stderr) = await OrpheusProcess.RunAsync(["eval"], dir.Path);

        code.ShouldBe(2);
        stderr.ShouldContain("--manifest");
    }

    [Fact]
    public async Task Bench_json_reports_percentiles_in_order()
    {
        using var dir = new TempDirectory();
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["bench", "--windows", "200", "--warmup", "5", "--json"], dir.Path);

        code.ShouldBe(0, stderr);
        var bench = JsonDocument.Parse(stdout).RootElement;
        var p50 = bench.GetProperty("p50_ms").GetDouble();
        var p95 = bench.GetProperty("p95_ms").GetDouble();
        var max = bench.GetProperty("max_ms").GetDouble();
        p50.ShouldBeGreaterThan(0);
        p95.ShouldBeGreaterThanOrEqualTo(p50);
        max.ShouldBeGreaterThanOrEqualTo(p95);
        bench.GetProperty("windows").GetInt32().ShouldBe(200);
        bench.GetProperty("model").GetString().ShouldEndWith("orpheus-ser.onnx");
    }

    internal static void WriteClip(string path, float[] samples, int rate, double start, double end)
    {
        var from = (int)(start * rate);
        var to = Math.Min(samples.Length, (int)(end * rate));
        WavFile.Write(path, WavFormat.Pcm(rate, 1), samples.AsSpan(from, to - from));
    }
}
