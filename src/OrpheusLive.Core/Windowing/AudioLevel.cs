namespace OrpheusLive.Core.Windowing;

/// <summary>Signal level helpers (allocation-free).</summary>
public static class AudioLevel
{
    /// <summary>The level reported for digital silence.</summary>
    public const float SilenceDbfs = -120f;

    /// <summary>Root-mean-square amplitude of <paramref name="samples"/> (0 for empty input).</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>
    /// RMS level of <paramref name="samples"/> in dBFS (a full-scale square wave is 0 dBFS, a full-scale sine about −3 dBFS),
    /// never below <see cref="SilenceDbfs"/>.
    /// </summary>
    public static float RmsDbfs(ReadOnlySpan<float> samples)
    {
        var rms = Rms(samples);
        return rms <= 1e-6 ? SilenceDbfs : (float)Math.Max(SilenceDbfs, 20 * Math.Log10(rms));
    }

    /// <summary>Largest absolute sample value.</summary>
    public static float Peak(ReadOnlySpan<float> samples)
    {
        var peak = 0f;
        foreach (var s in samples)
        {
            peak = Math.Max(peak, Math.Abs(s));
        }

        return peak;
    }
}
