namespace OrpheusLive.Core.Tests.Calibration;

/// <summary>Deterministic synthetic voices (3 s at 16 kHz): harmonics of a pitch shaped by one resonance.</summary>
internal static class TestVoices
{
    private const int Samples = 48_000;
    private const int Variants = 6;

    private static readonly Lazy<float[][]> LowVoices = new(() => [.. Enumerable.Range(0, Variants).Select(i => Voice(110 + (i % 5), 600, 200, 1.3 + (0.1 * (i % 3)), i))]);
    private static readonly Lazy<float[][]> HighVoices = new(() => [.. Enumerable.Range(0, Variants).Select(i => Voice(230 + (i % 5), 1800, 300, 1.3 + (0.1 * (i % 3)), i))]);

    /// <summary>Window <paramref name="i"/> of a low voice with a dark vowel (pitch and envelope vary a little between windows).</summary>
    public static float[] Low(int i) => LowVoices.Value[i % Variants];

    /// <summary>Window <paramref name="i"/> of a high voice with a bright vowel.</summary>
    public static float[] High(int i) => HighVoices.Value[i % Variants];

    /// <summary>training/calibration.py's golden_signal(): 180 Hz, 43 harmonics falling 1/sqrt(k), resonance at 700 Hz, 1.5 Hz envelope.</summary>
    public static float[] Golden() => Voice(180, 700, 150, 1.5, 0, 43);

    /// <summary>
    /// A voice with pitch <paramref name="pitchHz"/> and a resonance at <paramref name="formantHz"/>;
    /// <paramref name="phase"/> varies the envelope between windows of the same voice.
    /// </summary>
    public static float[] Voice(double pitchHz, double formantHz, double bandwidthHz, double envelopeHz, double phase, int harmonics = 0)
    {
        var x = new double[Samples];
        var count = harmonics > 0 ? harmonics : (int)(7900 / pitchHz);
        for (var k = 1; k <= count; k++)
        {
            var f = pitchHz * k;
            var gain = 1 / Math.Sqrt(k) * (1 + (2 / (1 + Math.Pow((f - formantHz) / bandwidthHz, 2))));
            for (var n = 0; n < Samples; n++)
            {
                x[n] += Math.Sin(2 * Math.PI * f * n / 16000.0) * gain;
            }
        }

        var result = new float[Samples];
        for (var n = 0; n < Samples; n++)
        {
            var envelope = 0.5 + (0.5 * Math.Sin((2 * Math.PI * envelopeHz * n / 16000.0) + phase));
            result[n] = (float)(0.05 * x[n] * envelope);
        }

        return result;
    }
}
