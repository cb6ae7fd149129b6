namespace OrpheusLive.Audio.Dsp;

/// <summary>Signal levels for meters and silence checks. Allocation-free.</summary>
public static class AudioLevel
{
    /// <summary>The level reported for digital silence (and empty input), in dBFS.</summary>
    public const double SilenceDbfs = -120;

    /// <summary>Root-mean-square amplitude of <paramref name="samples"/> (0 for empty input).</summary>
    public static double Rms(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty) return 0;
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>
    /// RMS level in dBFS, where a full-scale square wave is 0 dBFS and a full-scale sine about −3 dBFS.
    /// Never below <see cref="SilenceDbfs"/>.
    /// </summary>
    public static double RmsDbfs(ReadOnlySpan<float> samples)
    {
        var rms = Rms(samples);
        return rms <= 1e-6 ? SilenceDbfs : Math.Max(SilenceDbfs, 20 * Math.Log10(rms));
    }

    /// <summary>Largest absolute sample value.</summary>
    public static float Peak(ReadOnlySpan<float> samples)
    {
        var peak = 0f;
        foreach (var s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }
}
