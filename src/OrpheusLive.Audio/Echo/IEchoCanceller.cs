namespace OrpheusLive.Audio.Echo;

/// <summary>
/// A streaming acoustic echo canceller for 16 kHz mono: removes from the microphone what the app itself played.
/// The live capture path and <c>eval</c> share it. Call <see cref="Process"/> with consecutive blocks of any length;
/// the output lags the capture by <see cref="LatencySamples"/>.
/// </summary>
public interface IEchoCanceller : IDisposable
{
    /// <summary>Samples the output lags the capture (one processing frame).</summary>
    int LatencySamples { get; }

    /// <summary>
    /// Why cancellation cannot run at all (the engine's native library is missing, …), or null. When set, every
    /// <see cref="Process"/> passes the capture through unchanged; the caller shows this once as a warning.
    /// </summary>
    string? UnavailableReason { get; }

    /// <summary>True once the delay between reference and capture has been found and the filter runs.</summary>
    bool IsAligned { get; }

    /// <summary>The estimated delay from playback to capture in milliseconds (null until <see cref="IsAligned"/>).</summary>
    double? DelayMilliseconds { get; }

    /// <summary>
    /// The estimated clock drift in parts per million: how fast the delay grows (positive when the capture clock runs
    /// slower than the playback clock); 0 until 8 s of estimates or with drift tracking off.
    /// </summary>
    double DriftPpm { get; }

    /// <summary>
    /// Raised (on the thread calling <see cref="Process"/>) once per divergence: the filter made the output louder than
    /// the capture for a while and was reset. A pipeline turns the first into one warning.
    /// </summary>
    event EventHandler<EchoDivergenceEventArgs>? Diverged;

    /// <summary>
    /// Cancels the echo of <paramref name="reference"/> in <paramref name="capture"/>. The reference is what was played
    /// during the same span of time as the capture (sample <c>i</c> of both belong to the same instant on a common
    /// clock); the acoustic and buffering delay after it (0 to the configured maximum) is estimated, not assumed.
    /// A reference that is shorter than the capture (or empty: no reference) counts as silence for the missing part:
    /// while the reference is silent the capture passes through unchanged. <paramref name="output"/> must be as long as
    /// <paramref name="capture"/> and receives the result delayed by <see cref="LatencySamples"/>.
    /// </summary>
    void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output);

    /// <summary>Forgets the stream: alignment, drift, filter and buffered samples.</summary>
    void Reset();
}
