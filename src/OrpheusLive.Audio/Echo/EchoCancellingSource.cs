using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The capture side of echo cancellation: a live source whose every block runs through an <see cref="IEchoCanceller"/>
/// against what the app played at the same instants (<see cref="EchoReference"/>), before windowing, the speech gate
/// and the model see it. The output lags the capture by the canceller's frame (8 ms).
/// </summary>
/// <remarks>
/// Capture times are counted from the first block (<see cref="CaptureDating"/>), not read per block. What remains between the reference and the echo (output buffer, air, capture buffer and the
/// dating's lateness) is the delay the canceller estimates (0–500 ms). Buffers grow to the largest block read
/// once; reads of that size or less do not allocate.
/// </remarks>
public sealed class EchoCancellingSource : IAudioSource
{
    private readonly IAudioSource _inner;
    private readonly EchoReference _reference;
    private readonly IEchoCanceller _canceller;
    private readonly Action<EchoDivergenceEventArgs>? _diverged;
    private float[] _played = [];
    private float[] _output = [];
    private readonly CaptureDating _dating = new();

    /// <summary>Wraps <paramref name="inner"/>; takes ownership of it and of <paramref name="canceller"/>.</summary>
    /// <param name="inner">The microphone.</param>
    /// <param name="reference">What the app plays, on the clock the capture is timed with.</param>
    /// <param name="canceller">The canceller (one per stream).</param>
    /// <param name="diverged">Called on the reading thread each time the canceller diverged and reset itself.</param>
    public EchoCancellingSource(IAudioSource inner, EchoReference reference, IEchoCanceller canceller, Action<EchoDivergenceEventArgs>? diverged = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(canceller);
        _inner = inner;
        _reference = reference;
        _canceller = canceller;
        _diverged = diverged;
        _canceller.Diverged += OnDiverged;
    }

    /// <inheritdoc />
    public string Description => $"{_inner.Description}, echo-cancelled";

    /// <inheritdoc />
    public bool IsLive => _inner.IsLive;

    /// <summary>Something that lives as long as this source and is disposed with it (the monitor feeding the reference).</summary>
    public IAsyncDisposable? Companion { get; init; }

    /// <summary>The canceller (its alignment, delay and drift, for diagnostics and tests).</summary>
    public IEchoCanceller Canceller => _canceller;

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (n <= 0) return n;
        Cancel(buffer.Span[..n]);
        return n;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _canceller.Diverged -= OnDiverged;
        if (Companion is not null) await Companion.DisposeAsync().ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
        _canceller.Dispose();
    }

    private void Cancel(Span<float> block)
    {
        if (_played.Length < block.Length)
        {
            _played = new float[block.Length];
            _output = new float[block.Length];
        }

        var played = _played.AsSpan(0, block.Length);
        _reference.Read(_dating.Next(_reference.Now, block.Length), played);
        var output = _output.AsSpan(0, block.Length);
        _canceller.Process(block, played, output);
        output.CopyTo(block);
    }

    private void OnDiverged(object? sender, EchoDivergenceEventArgs e) => _diverged?.Invoke(e);
}
