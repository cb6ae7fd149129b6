namespace OrpheusLive.Audio.Echo;

/// <summary>Whole-signal use of an <see cref="IEchoCanceller"/> (eval clips, measurements, tests).</summary>
public static class EchoCancellerExtensions
{
    /// <summary>
    /// Cancels a whole capture against its reference in blocks of <paramref name="blockSamples"/> (100 ms by default, as
    /// the live path delivers them) and returns a result aligned with the capture: the canceller's latency is flushed
    /// with silence and dropped. A reference shorter than the capture counts as silence after its end.
    /// </summary>
    public static float[] CancelWhole(this IEchoCanceller canceller, ReadOnlySpan<float> capture, ReadOnlySpan<float> reference,
        int blockSamples = 1600, Action<int>? afterBlock = null)
    {
        ArgumentNullException.ThrowIfNull(canceller);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSamples);
        var latency = canceller.LatencySamples;
        var padded = new float[capture.Length + latency];
        capture.CopyTo(padded);
        var output = new float[padded.Length];
        for (var start = 0; start < padded.Length; start += blockSamples)
        {
            var n = Math.Min(blockSamples, padded.Length - start);
            var r = start >= reference.Length ? [] : reference.Slice(start, Math.Min(n, reference.Length - start));
            canceller.Process(padded.AsSpan(start, n), r, output.AsSpan(start, n));
            afterBlock?.Invoke(start + n);
        }

        return output.AsSpan(latency, capture.Length).ToArray();
    }
}
