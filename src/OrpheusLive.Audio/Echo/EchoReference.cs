using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// What the app played, kept on a common clock for the echo canceller: the player writes every sample it plays
/// (16 kHz mono, after its volume) with the time its first sample reaches the loudspeaker; the capture side reads,
/// for each block it captured, what was played at the same instants. Writes that continue the previous one within
/// 2 ms are joined seamlessly (timestamps jitter); a later start leaves silence in between (a pause), an earlier one
/// overwrites (a restart). Anything not played, or older than the capacity, reads as silence. The canceller then only
/// has to find the remaining acoustic and device delay (up to its maximum, 500 ms by default) and the clock drift.
/// </summary>
/// <remarks>Thread-safe (one writer and one reader at a time, a lock per call); allocation-free after construction.</remarks>
public sealed class EchoReference
{
    private const int Rate = IAudioSource.SampleRate;
    private const long JoinSamples = Rate / 500; // 2 ms

    private readonly Lock _gate = new();
    private readonly float[] _ring;
    private readonly long _mask;
    private TimeSpan _origin;
    private bool _started;
    private long _next;      // timeline index after the last sample written
    private long _oldest;    // timeline index of the oldest sample still held (or silence written as a gap)

    /// <summary>Keeps at least <paramref name="seconds"/> of playback (1–60).</summary>
    /// <param name="seconds">How much playback is kept.</param>
    /// <param name="clock">The common clock of the player and the capture side (<see cref="Now"/>); the system's when null.</param>
    public EchoReference(int seconds = 10, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seconds, 60);
        var size = 1L;
        while (size < (long)seconds * Rate) size <<= 1;
        _ring = new float[size];
        _mask = size - 1;
    }

    /// <summary>The clock both sides time-stamp with (tests drive it).</summary>
    public TimeProvider Clock { get; }

    /// <summary>The present time on <see cref="Clock"/>, as the times <see cref="Write"/> and <see cref="Read"/> take.</summary>
    public TimeSpan Now => Clock.GetElapsedTime(0);

    /// <summary>True once anything was written since the start or the last <see cref="Clear"/>.</summary>
    public bool HasPlayed
    {
        get
        {
            lock (_gate) return _started;
        }
    }

    /// <summary>Records <paramref name="samples"/> (16 kHz mono) whose first sample is heard at <paramref name="playbackTime"/>.</summary>
    public void Write(ReadOnlySpan<float> samples, TimeSpan playbackTime)
    {
        lock (_gate)
        {
            if (!_started)
            {
                _origin = playbackTime;
                _started = true;
                _next = _oldest = 0;
            }

            var start = Index(playbackTime);
            if (Math.Abs(start - _next) <= JoinSamples) start = _next;
            if (start - _next >= _ring.Length)
            {
                Array.Clear(_ring); // a pause longer than the capacity: nothing before it is kept
                _oldest = start;
            }
            else if (start > _next)
            {
                for (var i = _next; i < start; i++) _ring[i & _mask] = 0; // a pause: silence in between
            }

            for (var i = 0; i < samples.Length; i++) _ring[(start + i) & _mask] = samples[i];
            _next = start + samples.Length;
            _oldest = Math.Max(Math.Min(_oldest, start), _next - _ring.Length);
        }
    }

    /// <summary>Fills <paramref name="reference"/> with what was played from <paramref name="captureTime"/> on (silence where nothing was).</summary>
    public void Read(TimeSpan captureTime, Span<float> reference)
    {
        lock (_gate)
        {
            if (!_started)
            {
                reference.Clear();
                return;
            }

            var start = Index(captureTime);
            for (var i = 0; i < reference.Length; i++)
            {
                var index = start + i;
                reference[i] = index >= _oldest && index < _next ? _ring[index & _mask] : 0f;
            }
        }
    }

    /// <summary>Forgets everything played (a new session).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _started = false;
            _next = _oldest = 0;
        }
    }

    private long Index(TimeSpan time) => (long)Math.Round((time - _origin).TotalSeconds * Rate);
}
