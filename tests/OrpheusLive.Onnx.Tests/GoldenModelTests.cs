using System.Text.Json;

namespace OrpheusLive.Onnx.Tests;

/// <summary>
/// The C# pipeline reproduces the training side's golden vectors (models/orpheus-ser.golden.json): each case's input is
/// rebuilt from its recipe in the JSON and the classifier's probabilities must match within the JSON's tolerance.
/// </summary>
public sealed class GoldenModelTests
{
    private readonly ITestOutputHelper _output;

    public GoldenModelTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void The_real_model_meets_the_contract()
    {
        GoldenModel.SkipUnlessPresent(needGolden: false);
        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = GoldenModel.ModelPath });

        classifier.WindowSamples.ShouldBe(48000);
        classifier.Labels.ShouldAllBe(l => Core.Emotions.EmotionLabels.IsCanonical(l));
        classifier.Info.Name.ShouldBe("orpheus-ser");
        _output.WriteLine($"{classifier.Info.Name} {classifier.Info.Version} on {classifier.Info.Runtime}; labels {string.Join(",", classifier.Labels)}");
    }

    [Fact]
    public void Csharp_outputs_match_the_golden_vectors()
    {
        GoldenModel.SkipUnlessPresent(needGolden: true);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(GoldenModel.GoldenPath));
        JsonElement golden = json.RootElement;
        double tolerance = golden.TryGetProperty("tolerance", out JsonElement t) ? t.GetDouble() : 1e-4;
        tolerance.ShouldBeLessThanOrEqualTo(1e-4);

        using var classifier = new OnnxEmotionClassifier(new OnnxOptions { Path = GoldenModel.ModelPath });
        classifier.Labels.ShouldBe(golden.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray());
        int windowSamples = golden.GetProperty("window_samples").GetInt32();
        classifier.WindowSamples.ShouldBe(windowSamples);

        int cases = 0;
        foreach (JsonElement testCase in golden.GetProperty("cases").EnumerateArray())
        {
            JsonElement input = testCase.GetProperty("input");
            float[] window = BuildInput(input, windowSamples);
            float[] expected = testCase.GetProperty("expected_probs").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
            var actual = new float[classifier.Labels.Count];

            classifier.Classify(window, actual);

            _output.WriteLine($"{input}: expected [{string.Join(", ", expected)}] got [{string.Join(", ", actual.Select(a => a.ToString("F7")))}]");
            for (int i = 0; i < expected.Length; i++)
                actual[i].ShouldBe(expected[i], tolerance, $"case {input}, label {classifier.Labels[i]}");
            if (testCase.TryGetProperty("expected_argmax", out JsonElement argmax))
                classifier.Labels[Array.IndexOf(actual, actual.Max())].ShouldBe(argmax.GetString());
            cases++;
        }

        cases.ShouldBeGreaterThan(0);
    }

    /// <summary>Rebuilds one golden input from the recipes the JSON documents ("tone", "lcg", "wav").</summary>
    private static float[] BuildInput(JsonElement input, int samples)
    {
        string kind = input.GetProperty("kind").GetString()!;
        switch (kind)
        {
            case "tone":
            {
                // s[n] = amp*sin(2*pi*freq*n/16000), in double, then float32
                double freq = input.GetProperty("freq").GetDouble(), amp = input.GetProperty("amp").GetDouble();
                var x = new float[samples];
                for (int n = 0; n < samples; n++) x[n] = (float)(amp * Math.Sin(2 * Math.PI * freq * n / 16000.0));
                return x;
            }

            case "noise_lcg":
            {
                // x0 = seed; per sample: x = (1103515245*x + 12345) mod 2^31; s = amp*(x/2^31*2-1), double then float32
                long state = input.GetProperty("seed").GetInt64();
                double amp = input.GetProperty("amp").GetDouble();
                var x = new float[samples];
                for (int n = 0; n < samples; n++)
                {
                    state = (1103515245L * state + 12345L) % (1L << 31);
                    x[n] = (float)(amp * (state / 2147483648.0 * 2.0 - 1.0));
                }

                return x;
            }

            case "wav":
            {
                // 16-bit PCM mono 16 kHz; s[n] = int16/32768
                input.GetProperty("scale").GetString().ShouldBe("int16/32768");
                (float[] wav, int rate) = Pcm16Wav.Read(Path.Combine(GoldenModel.Directory, input.GetProperty("file").GetString()!));
                rate.ShouldBe(16000);
                wav.Length.ShouldBeGreaterThanOrEqualTo(samples);
                return wav[..samples];
            }

            default:
                throw new InvalidOperationException($"Golden input kind '{kind}' is not known to this test; add its recipe here.");
        }
    }
}
