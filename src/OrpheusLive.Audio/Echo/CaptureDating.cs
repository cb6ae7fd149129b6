using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// Dates the blocks of a capture stream (16 kHz) on the <see cref="EchoReference"/> clock by counting samples: the
/// stream's start is the first block's arrival minus its length, moved earlier only when a later block proves it more
/// than <see cref="Slack"/> too late (it arrived before the dating says it ended: the first block was held up).
/// Counting, not reading the clock per block, because sources deliver late and in bursts (virtual PulseAudio sources
/// up to 2 s), and every jump in the dating would move the echo under the adaptive filter.
/// </summary>
internal sealed class CaptureDating
{
    /// <summary>How late the dating may be before it is moved earlier (well inside the canceller's 500 ms search).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(100);

    private TimeSpan? _start;
    private long _captured;

    /// <summary>The capture time of the first sample of a block of <paramref name="length"/> samples that arrived at <paramref name="now"/>.</summary>
    public TimeSpan Next(TimeSpan now, int length)
    {
        var rate = (double)IAudioSource.SampleRate;
        var end = _captured + length;
        var earliest = now - TimeSpan.FromSeconds(end / rate);
        if (_start is not { } start || earliest < start - Slack) _start = start = earliest;
        var time = start + TimeSpan.FromSeconds(_captured / rate);
        _captured = end;
        return time;
    }
}
