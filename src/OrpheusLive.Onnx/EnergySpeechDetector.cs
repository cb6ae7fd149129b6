using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>
/// A model-free fallback speech detector: an energy gate over 20 ms frames against an adaptive noise floor.
/// A frame counts as speech when it is louder than both <see cref="AbsoluteGateDbfs"/> and the noise floor plus
/// <see cref="MarginDb"/>. The floor is the quiet end (10th percentile) of each window's frame energies, smoothed across
/// windows so that it drops at once when the room gets quieter but rises at most <see cref="FloorRiseDbPerWindow"/> per
/// window (a long stretch of continuous speech must not become the new "noise").
/// </summary>
/// <remarks>
/// Steady noise (fans, hiss) has nearly constant frame energy, so it sits at the floor and scores ~0; speech swings
/// 20-40 dB between syllables and pauses. It cannot tell loud music or a TV from a voice: the Silero detector can,
/// which is why this one is only the fallback. Thread-safety: calls run one at a time (internal lock); no allocation.
/// </remarks>
public sealed class EnergySpeechDetector : ISpeechDetector
{
    /// <summary>Samples per analysis frame (20 ms at 16 kHz).</summary>
    public const int FrameSamples = 320;

    private const float SilenceDb = -120f;
    private const int MaxStackFrames = 1024;

    private readonly Lock _gate = new();
    private float _noiseFloorDb = float.NaN;

    /// <summary>Creates the detector.</summary>
    /// <param name="marginDb">How far above the noise floor a frame must be to count as speech.</param>
    /// <param name="absoluteGateDbfs">Frames quieter than this (dBFS, RMS) are never speech.</param>
    /// <param name="floorRiseDbPerWindow">Fastest the noise floor may rise from one window to the next.</param>
    public EnergySpeechDetector(float marginDb = 10f, float absoluteGateDbfs = -50f, float floorRiseDbPerWindow = 3f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(marginDb);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(absoluteGateDbfs, 0f);
        ArgumentOutOfRangeException.ThrowIfNegative(floorRiseDbPerWindow);
        MarginDb = marginDb;
        AbsoluteGateDbfs = absoluteGateDbfs;
        FloorRiseDbPerWindow = floorRiseDbPerWindow;
    }

    /// <summary>Required distance above the noise floor, dB.</summary>
    public float MarginDb { get; }

    /// <summary>Absolute minimum frame level for speech, dBFS.</summary>
    public float AbsoluteGateDbfs { get; }

    /// <summary>Maximum rise of the noise floor per window, dB.</summary>
    public float FloorRiseDbPerWindow { get; }

    /// <summary>The current noise floor estimate in dBFS (NaN before the first window).</summary>
    public float NoiseFloorDbfs
    {
        get { lock (_gate) return _noiseFloorDb; }
    }

    /// <inheritdoc />
    public float SpeechFraction(ReadOnlySpan<float> window)
    {
        int frames = window.Length / FrameSamples;
        if (frames == 0) return 0f;

        // Up to 20 s per window on the stack; longer ones (unusual) use a pooled buffer.
        float[]? rented = frames > MaxStackFrames ? System.Buffers.ArrayPool<float>.Shared.Rent(frames * 2) : null;
        Span<float> scratch = rented is null ? stackalloc float[frames * 2] : rented.AsSpan(0, frames * 2);
        try
        {
            Span<float> levels = scratch[..frames];
            Span<float> sorted = scratch[frames..];
            for (int f = 0; f < frames; f++) levels[f] = LevelDbfs(window.Slice(f * FrameSamples, FrameSamples));
            levels.CopyTo(sorted);
            sorted.Sort();
            float quietEnd = sorted[frames / 10];

            lock (_gate)
            {
                _noiseFloorDb = float.IsNaN(_noiseFloorDb) || quietEnd <= _noiseFloorDb
                    ? quietEnd
                    : Math.Min(quietEnd, _noiseFloorDb + FloorRiseDbPerWindow);
                float threshold = Math.Max(_noiseFloorDb + MarginDb, AbsoluteGateDbfs);
                int speech = 0;
                foreach (float level in levels)
                {
                    if (level > threshold) speech++;
                }

                return speech / (float)frames;
            }
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static float LevelDbfs(ReadOnlySpan<float> frame)
    {
        double sumSquares = 0;
        foreach (float s in frame) sumSquares += s * s;
        double meanSquare = sumSquares / frame.Length;
        return meanSquare <= 1e-12 ? SilenceDb : (float)(10 * Math.Log10(meanSquare));
    }
}
