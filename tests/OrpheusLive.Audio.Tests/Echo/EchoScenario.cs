using NWaves.Operations;
using NWaves.Signals;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

/// <summary>
/// Synthetic echo scenes for the canceller tests: a music-like reference (coloured noise with a beat and chords), a
/// speech-like voice (a gliding harmonic voice with formants, in syllables and pauses), a room impulse response
/// (exponentially decaying noise behind a direct path), and the microphone signal they make.
/// </summary>
internal static class EchoScenario
{
    public const int Rate = 16_000;

    /// <summary>Music-like reference at about -20 dBFS RMS.</summary>
    public static float[] Music(int samples, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[samples];
        double low = 0, band = 0;
        for (var i = 0; i < samples; i++)
        {
            var white = random.NextDouble() * 2 - 1;
            low += 0.05 * (white - low);          // dark noise
            band += 0.4 * (white - band);
            var t = i / (double)Rate;
            var beat = 0.6 + 0.4 * Math.Pow(Math.Max(0, Math.Sin(2 * Math.PI * 2 * t)), 4);
            var chord = Math.Sin(2 * Math.PI * 220 * t) + 0.7 * Math.Sin(2 * Math.PI * 277.2 * t) + 0.5 * Math.Sin(2 * Math.PI * 329.6 * t + 1);
            x[i] = (float)(beat * (0.9 * low + 0.15 * band + 0.02 * chord));
        }

        return Normalise(x, -20);
    }

    /// <summary>Speech-like voice at about -20 dBFS RMS while talking: 250 ms syllables, pauses, a gliding pitch.</summary>
    public static float[] Voice(int samples, int seed = 2)
    {
        var random = new Random(seed);
        var x = new float[samples];
        double phase = 0, f1 = 0, f2 = 0;
        for (var i = 0; i < samples; i++)
        {
            var t = i / (double)Rate;
            var syllable = Math.Sin(Math.PI * ((t * 4) % 1.0));
            var talking = Math.Sin(2 * Math.PI * 0.3 * t) > -0.6 ? 1.0 : 0.0;
            var f0 = 140 + 40 * Math.Sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * f0 / Rate;
            double source = 0;
            for (var h = 1; h <= 20; h++) source += Math.Sin(h * phase) / h;
            source += 0.05 * (random.NextDouble() * 2 - 1);
            f1 += 0.3 * (source - f1);                 // crude formant shaping
            f2 = 0.8 * f2 + (source - f1);
            x[i] = (float)(talking * syllable * (f1 + 0.3 * f2));
        }

        return Normalise(x, -20);
    }

    /// <summary>A room: a direct path at sample 0, then a decaying noise tail of the given RT60, <paramref name="taps"/> long.</summary>
    public static float[] Room(double rt60, int taps, int seed = 3, double gain = 0.5)
    {
        var random = new Random(seed);
        var h = new float[taps];
        for (var i = 1; i < taps; i++)
        {
            h[i] = (float)((random.NextDouble() * 2 - 1) * 0.25 * Math.Exp(-6.9 * i / (rt60 * Rate)));
        }

        h[0] = 1;
        h[37] += 0.4f;
        for (var i = 0; i < taps; i++) h[i] *= (float)gain;
        return h;
    }

    /// <summary>
    /// What the microphone hears of <paramref name="played"/> through <paramref name="room"/> after
    /// <paramref name="delaySamples"/>, with a capture clock <paramref name="driftPpm"/> fast (linear interpolation).
    /// </summary>
    public static float[] EchoOf(float[] played, float[] room, int delaySamples, double driftPpm = 0)
    {
        var wet = Operation.Convolve(new DiscreteSignal(Rate, played), new DiscreteSignal(Rate, room)).Samples;
        var y = new float[played.Length];
        var step = 1 + driftPpm * 1e-6;
        for (var n = 0; n < y.Length; n++)
        {
            var p = n * step - delaySamples;
            if (p < 0) continue;
            var i = (int)p;
            if (i + 1 >= played.Length) break;
            var f = (float)(p - i);
            y[n] = wet[i] * (1 - f) + wet[i + 1] * f;
        }

        return y;
    }

    public static float[] Add(params float[][] signals)
    {
        var y = new float[signals[0].Length];
        foreach (var s in signals)
            for (var i = 0; i < y.Length; i++) y[i] += s[i];
        return y;
    }

    public static float[] Scale(float[] x, double gain) => x.Select(v => (float)(v * gain)).ToArray();

    /// <summary>Runs a canceller over whole signals in 100 ms blocks; the result is re-aligned with the capture (latency removed).</summary>
    public static float[] Run(OrpheusLive.Audio.Echo.IEchoCanceller canceller, float[] capture, float[]? reference,
        Action<int>? afterBlock = null) =>
        OrpheusLive.Audio.Echo.EchoCancellerExtensions.CancelWhole(canceller, capture, reference ?? [], afterBlock: afterBlock);

    public static double Energy(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v * (double)v;
        return sum;
    }

    /// <summary>Echo return loss enhancement in dB over a span: microphone energy over output energy.</summary>
    public static double Erle(float[] capture, float[] output, int start, int length) =>
        10 * Math.Log10(Energy(capture.AsSpan(start, length)) / Math.Max(Energy(output.AsSpan(start, length)), 1e-20));

    /// <summary>Pearson correlation of two spans.</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++) { ma += a[i]; mb += b[i]; }
        ma /= a.Length; mb /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double x = a[i] - ma, y = b[i] - mb;
            ab += x * y; aa += x * x; bb += y * y;
        }

        return ab / Math.Sqrt(aa * bb + 1e-30);
    }

    private static float[] Normalise(float[] x, double dbfs)
    {
        var rms = Math.Sqrt(Energy(x) / x.Length);
        var gain = Math.Pow(10, dbfs / 20) / Math.Max(rms, 1e-12);
        for (var i = 0; i < x.Length; i++) x[i] = (float)(x[i] * gain);
        return x;
    }
}
