namespace OrpheusLive.Audio.Tests;

/// <summary>Test signals and measurements.</summary>
internal static class Signals
{
    public static float[] Sine(double frequency, int sampleRate, int samples, double amplitude = 0.5, double phase = 0)
    {
        var x = new float[samples];
        for (var i = 0; i < samples; i++) x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase));
        return x;
    }

    /// <summary>Interleaves per-channel signals.</summary>
    public static float[] Interleave(params float[][] channels)
    {
        var frames = channels[0].Length;
        var x = new float[frames * channels.Length];
        for (var i = 0; i < frames; i++)
            for (var c = 0; c < channels.Length; c++) x[i * channels.Length + c] = channels[c][i];
        return x;
    }

    /// <summary>Amplitude of the component at <paramref name="frequency"/> (single-bin DFT with a Hann window, amplitude-corrected).</summary>
    public static double AmplitudeAt(ReadOnlySpan<float> x, double frequency, int sampleRate)
    {
        double re = 0, im = 0, windowSum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var w = 0.5 - 0.5 * Math.Cos(2 * Math.PI * i / (x.Length - 1));
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += w * x[i] * Math.Cos(angle);
            im -= w * x[i] * Math.Sin(angle);
            windowSum += w;
        }
        return 2 * Math.Sqrt(re * re + im * im) / windowSum;
    }

    /// <summary>Frequency estimated from zero crossings (with linear interpolation of the crossing instants).</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> x, int sampleRate)
    {
        double first = -1, last = -1;
        var crossings = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                var t = i - 1 + x[i - 1] / (x[i - 1] - x[i]);
                if (first < 0) first = t;
                else crossings++;
                last = t;
            }
        }
        return crossings == 0 ? 0 : crossings / ((last - first) / sampleRate);
    }

    /// <summary>The strongest frequency between <paramref name="low"/> and <paramref name="high"/> Hz, searched in 1 Hz steps.</summary>
    public static double PeakFrequency(ReadOnlySpan<float> x, int sampleRate, double low, double high)
    {
        double best = low, bestAmplitude = -1;
        for (var f = low; f <= high; f += 1)
        {
            var a = AmplitudeAt(x, f, sampleRate);
            if (a > bestAmplitude)
            {
                bestAmplitude = a;
                best = f;
            }
        }
        return best;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
