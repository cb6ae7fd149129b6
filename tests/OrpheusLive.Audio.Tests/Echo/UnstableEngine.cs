using OrpheusLive.Audio.Echo;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

/// <summary>
/// Fault injection for the divergence watch: wraps a real engine and, from a given sample on, corrupts its output
/// (four times too loud, or not-a-number) until the canceller resets it — what an unstable adaptive filter looks like
/// from outside.
/// </summary>
internal sealed class UnstableEngine(IEchoFilterEngine inner, UnstableEngine.Fault fault, int faultFromSample) : IEchoFilterEngine
{
    public enum Fault { Louder, NotANumber }

    private long _processed;
    private bool _healed;

    public int Resets { get; private set; }

    /// <summary>True once the output has been corrupted (even if it was reset since).</summary>
    public bool FaultBegan { get; private set; }

    public int FrameSamples => inner.FrameSamples;

    public int LatencySamples => inner.LatencySamples;

    public void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output)
    {
        inner.Process(capture, reference, output);
        _processed += capture.Length;
        if (_healed || _processed < faultFromSample) return;
        FaultBegan = true;
        for (var i = 0; i < output.Length; i++) output[i] = fault == Fault.Louder ? 4 * capture[i] : float.NaN;
    }

    public void Reset()
    {
        inner.Reset();
        if (_processed >= faultFromSample) _healed = true;
        Resets++;
    }

    public void Dispose() => inner.Dispose();
}
