namespace OrpheusLive.Onnx.Tests;

/// <summary>Deterministic test audio.</summary>
internal static class TestSignals
{
    /// <summary>The input recipe of tests/fixtures/onnx/reference.json (make_models.py), computed the same way: float64, rounded once.</summary>
    public static float[] FixtureWaveform(int samples)
    {
        var x = new float[samples];
        for (int i = 0; i < samples; i++)
        {
            double gate = (i / 1600) % 2;
            x[i] = (float)((0.3 + 0.5 * i / 48000.0) * Math.Sin(2 * Math.PI * 220 * i / 16000.0)
                           + 0.2 * Math.Sin(2 * Math.PI * 1375 * i / 16000.0) * gate);
        }

        return x;
    }

    /// <summary>Uniform white noise with the given RMS level in dBFS.</summary>
    public static float[] WhiteNoise(int samples, double rmsDbfs, int seed)
    {
        var random = new Random(seed);
        // Uniform in [-a, a] has RMS a / sqrt(3).
        double amplitude = Math.Pow(10, rmsDbfs / 20) * Math.Sqrt(3);
        var x = new float[samples];
        for (int i = 0; i < samples; i++) x[i] = (float)((random.NextDouble() * 2 - 1) * amplitude);
        return x;
    }

    /// <summary>The first <paramref name="samples"/> samples of <paramref name="source"/>, zero-padded if it is shorter.</summary>
    public static float[] Window(float[] source, int samples, int start = 0)
    {
        var w = new float[samples];
        source.AsSpan(start, Math.Min(samples, source.Length - start)).CopyTo(w);
        return w;
    }
}
