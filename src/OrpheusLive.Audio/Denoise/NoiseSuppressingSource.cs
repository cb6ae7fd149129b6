using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Denoise;

/// <summary>
/// A source whose every block runs through a <see cref="NoiseSuppressor"/> before windowing, the speech gate and the
/// model see it (after echo cancellation, when that runs), from the stream's first sample on. The suppressor's
/// one-frame delay is taken out — its first frame of output is dropped and, when the input ends, its last frame is
/// pushed out with silence — so the stream keeps its timing and length (<see cref="NoiseSuppressor.ProcessWhole"/> of
/// the whole input). No read allocates.
/// </summary>
public sealed class NoiseSuppressingSource : IAudioSource
{
    private const int Latency = NoiseSuppressor.LatencySamples;

    private readonly IAudioSource _inner;
    private readonly NoiseSuppressor _suppressor;
    private readonly float[] _tail = new float[Latency];
    private int _skip = Latency;
    private int _tailPosition = -1;
    private bool _ended;

    /// <summary>Wraps <paramref name="inner"/>; takes ownership of it and of <paramref name="suppressor"/> (one per stream).</summary>
    public NoiseSuppressingSource(IAudioSource inner, NoiseSuppressor suppressor)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(suppressor);
        _inner = inner;
        _suppressor = suppressor;
    }

    /// <inheritdoc />
    public string Description => $"{_inner.Description}, noise-suppressed";

    /// <inheritdoc />
    public bool IsLive => _inner.IsLive;

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        while (!_ended)
        {
            var n = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n <= 0)
            {
                _ended = true;
                break;
            }

            var block = buffer.Span[..n];
            _suppressor.Process(block);
            if (_skip == 0) return n;
            var drop = Math.Min(_skip, n);
            _skip -= drop;
            if (drop == n) continue;
            block[drop..].CopyTo(block);
            return n - drop;
        }

        return Flush(buffer.Span);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        _suppressor.Dispose();
    }

    /// <summary>The input's last samples, still in the suppressor's delay line, pushed out by one frame of silence.</summary>
    private int Flush(Span<float> buffer)
    {
        if (_tailPosition < 0)
        {
            _suppressor.Process(_tail); // all zeros: its output is the delay line's content
            _tailPosition = _skip;      // an input shorter than the delay still owes the start of the frame
        }

        var n = Math.Min(buffer.Length, Latency - _tailPosition);
        _tail.AsSpan(_tailPosition, n).CopyTo(buffer);
        _tailPosition += n;
        return n;
    }
}
