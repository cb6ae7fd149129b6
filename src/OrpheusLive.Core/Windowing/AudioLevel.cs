namespace OrpheusLive.Core.Windowing;

/// <summary>Signal level helpers (allocation-free).</summary>
public static class AudioLevel
{
    /// <summary>The level reported for digital silence.</summary>
    public const float SilenceDbfs = -120f;

    /// <summary>RMS level of <paramref name="samples"/> in dBFS (full scale = 1.0), at least <see cref="SilenceDbfs"/>.</summary>
    public static float RmsDbfs(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return SilenceDbfs;
        }

        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        var rms = Math.Sqrt(sum / samples.Length);
        return rms <= 1e-6 ? SilenceDbfs : (float)Math.Max(SilenceDbfs, 20 * Math.Log10(rms));
    }
}
