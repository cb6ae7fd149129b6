namespace OrpheusLive.Core.Tests.Calibration;

/// <summary>
/// A deterministic stand-in for a model listening to one person: each window's logits are a margin on the true
/// emotion, plus the voice's bias (the same for every window of that voice), plus seeded noise.
/// </summary>
internal sealed class SyntheticSpeaker(double[] bias, int seed, double margin = 2.0, double noise = 0.8)
{
    public static readonly string[] Labels = ["neutral", "happy", "sad", "angry", "fearful", "surprised"];

    private readonly Random _random = new(seed);

    public static double[] Bias(string label, double nats)
    {
        var b = new double[Labels.Length];
        b[Array.IndexOf(Labels, label)] = nats;
        return b;
    }

    /// <summary>The model's probabilities for one window of <paramref name="emotion"/>.</summary>
    public float[] Window(int emotion)
    {
        var z = new double[Labels.Length];
        for (var i = 0; i < z.Length; i++)
        {
            // Box-Muller: a Gaussian from the seeded uniform source.
            var u = 1.0 - _random.NextDouble();
            var v = _random.NextDouble();
            z[i] = bias[i] + (i == emotion ? margin : 0) + (noise * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }

        var max = z.Max();
        var e = z.Select(x => Math.Exp(x - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(x => (float)(x / sum))];
    }

    /// <summary>Emotions in a balanced, shuffled order.</summary>
    public int[] MixedSession(int windows)
    {
        var order = Enumerable.Range(0, windows).Select(i => i % Labels.Length).ToArray();
        _random.Shuffle(order);
        return order;
    }

    public static int ArgMax(ReadOnlySpan<float> p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }
}
