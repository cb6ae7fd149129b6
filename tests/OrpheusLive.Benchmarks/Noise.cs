namespace OrpheusLive.Benchmarks;

/// <summary>Deterministic white noise for benchmarks that need audio but not speech.</summary>
internal static class Noise
{
    /// <summary><paramref name="samples"/> of uniform noise at about −30 dBFS RMS.</summary>
    public static float[] Window(int samples, int seed)
    {
        var random = new Random(seed);
        var amplitude = Math.Pow(10, -30 / 20.0) * Math.Sqrt(3); // uniform in [-a, a] has RMS a/√3
        var window = new float[samples];
        for (var i = 0; i < window.Length; i++)
        {
            window[i] = (float)((random.NextDouble() * 2 - 1) * amplitude);
        }

        return window;
    }
}
