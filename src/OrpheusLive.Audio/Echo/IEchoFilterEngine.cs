namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The adaptive part of an echo canceller: one frame of capture and of the already time-aligned reference in, one
/// frame of echo-reduced capture out. <see cref="EchoCanceller"/> does the delay estimation, drift compensation,
/// framing and divergence watch around it, so an engine only adapts a filter over the echo tail.
/// </summary>
internal interface IEchoFilterEngine : IDisposable
{
    /// <summary>Samples per frame; every call to <see cref="Process"/> passes exactly this many.</summary>
    int FrameSamples { get; }

    /// <summary>Samples the engine's output lags its input (0, or a frame when a suppressor with overlap-add follows the filter).</summary>
    int LatencySamples { get; }

    /// <summary>Cancels the echo of <paramref name="reference"/> in <paramref name="capture"/> into <paramref name="output"/>.</summary>
    void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output);

    /// <summary>Forgets the adapted filter (after divergence or a jump of the alignment).</summary>
    void Reset();
}
