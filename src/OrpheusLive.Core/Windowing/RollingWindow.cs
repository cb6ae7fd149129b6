namespace OrpheusLive.Core.Windowing;

/// <summary>
/// A fixed-length rolling window over a stream of samples that becomes ready every <see cref="HopSamples"/>
/// once it has been filled. Backed by one preallocated ring buffer: no allocation per hop.
/// </summary>
/// <remarks>
/// <see cref="Write"/> stops at each hop boundary so a caller that writes large chunks still sees every window:
/// write, take the window if <see cref="IsReady"/>, and write the rest.
/// </remarks>
public sealed class RollingWindow
{
    private readonly float[] _ring;
    private int _head;            // next write position
    private long _total;          // samples written since creation/reset
    private int _sinceLastWindow; // samples written since the last window was taken (or since start)

    /// <summary>Creates a window of <paramref name="windowSamples"/> that advances by <paramref name="hopSamples"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length is not positive, or the hop is longer than the window.</exception>
    public RollingWindow(int windowSamples, int hopSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSamples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hopSamples, windowSamples);
        _ring = new float[windowSamples];
        HopSamples = hopSamples;
    }

    /// <summary>Samples per window.</summary>
    public int WindowSamples => _ring.Length;

    /// <summary>Samples between consecutive windows.</summary>
    public int HopSamples { get; }

    /// <summary>Samples written since creation or the last <see cref="Reset"/>.</summary>
    public long TotalSamples => _total;

    /// <summary>True when a full window is waiting to be taken with <see cref="CopyTo"/>.</summary>
    public bool IsReady => _total >= _ring.Length && _sinceLastWindow >= HopSamples;

    /// <summary>
    /// Appends samples up to the next hop boundary and returns how many were consumed
    /// (fewer than <paramref name="samples"/>.Length when a window became ready; 0 while one is waiting).
    /// </summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        if (IsReady)
        {
            return 0;
        }

        // Before the first window the boundary is the end of the first full window; afterwards, the next hop.
        var untilReady = _total < _ring.Length
            ? (int)Math.Max(_ring.Length - _total, HopSamples - _sinceLastWindow)
            : HopSamples - _sinceLastWindow;
        var count = Math.Min(samples.Length, untilReady);
        var remaining = samples[..count];
        while (!remaining.IsEmpty)
        {
            var run = Math.Min(remaining.Length, _ring.Length - _head);
            remaining[..run].CopyTo(_ring.AsSpan(_head));
            _head = (_head + run) % _ring.Length;
            remaining = remaining[run..];
        }

        _total += count;
        _sinceLastWindow += count;
        return count;
    }

    /// <summary>Copies the window, oldest sample first, into <paramref name="destination"/> and marks it taken.</summary>
    /// <exception cref="InvalidOperationException">No window is ready.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the window.</exception>
    public void CopyTo(Span<float> destination)
    {
        if (!IsReady)
        {
            throw new InvalidOperationException("No window is ready.");
        }

        if (destination.Length < _ring.Length)
        {
            throw new ArgumentException($"Destination needs {_ring.Length} samples.", nameof(destination));
        }

        var older = _ring.AsSpan(_head);
        older.CopyTo(destination);
        _ring.AsSpan(0, _head).CopyTo(destination[older.Length..]);
        _sinceLastWindow = 0;
    }

    /// <summary>Copies the newest <paramref name="destination"/>.Length samples (at most one window), oldest first.</summary>
    public void CopyNewest(Span<float> destination)
    {
        var n = Math.Min(destination.Length, _ring.Length);
        var start = (_head - n + _ring.Length) % _ring.Length;
        var first = Math.Min(n, _ring.Length - start);
        _ring.AsSpan(start, first).CopyTo(destination);
        _ring.AsSpan(0, n - first).CopyTo(destination[first..]);
    }

    /// <summary>Forgets all samples (after a gap in the input, so a window never spans the gap).</summary>
    public void Reset()
    {
        Array.Clear(_ring);
        _head = 0;
        _total = 0;
        _sinceLastWindow = 0;
    }
}
