using OrpheusLive.Audio.Dsp;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The built-in player's side of echo cancellation: every block it writes to the output (interleaved, after volume
/// and fades) is converted to 16 kHz mono and recorded in an <see cref="EchoReference"/> with the time it is heard.
/// </summary>
/// <remarks>
/// Times are counted, not read per block: a blocking output accepts a block when there is room, so the clock at the
/// write jitters by up to a block, while the samples follow each other exactly. The count starts at the clock when
/// writing starts (or resumes after a pause, or falls behind the clock after an underrun); whatever the device and the
/// air add after that is the delay the canceller estimates (0–500 ms; the output buffer is 150 ms by default).
/// One tap per opened output, shared by every track played through it: a new track's first block is queued behind the
/// previous track's tail, and a tap per track would date it at the clock instead (measured on PulseAudio: the delay
/// jumped by ~125 ms at every mood change and SpeexDSP reset itself).
/// Allocation-free after construction; one thread (the playback thread) calls it.
/// </remarks>
public sealed class PlaybackEchoTap
{
    private readonly EchoReference _reference;
    private readonly MonoResampler _converter;
    private readonly int _maxSamples;
    private readonly float[] _mono;
    private TimeSpan _anchor;
    private long _written = -1; // 16 kHz samples since _anchor; -1 before the first block

    /// <summary>Creates the tap for one output format.</summary>
    /// <param name="reference">Where the played audio goes.</param>
    /// <param name="outputRate">The output's frames per second.</param>
    /// <param name="channels">The output's interleaved channels.</param>
    /// <param name="maxFrames">Frames converted per step (longer blocks are converted in steps).</param>
    public PlaybackEchoTap(EchoReference reference, int outputRate, int channels, int maxFrames)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _reference = reference;
        _maxSamples = maxFrames * channels;
        _converter = new MonoResampler(outputRate, channels, IAudioSource.SampleRate, maxFrames);
        _mono = new float[_converter.MaxOutput];
    }

    /// <summary>Records a block that is about to be written to the output.</summary>
    public void Played(ReadOnlySpan<float> interleaved)
    {
        var now = _reference.Now;
        for (var start = 0; start < interleaved.Length; start += _maxSamples)
        {
            var n = Math.Min(interleaved.Length - start, _maxSamples);
            var produced = _converter.Process(interleaved.Slice(start, n), _mono);
            Record(_mono.AsSpan(0, produced), now);
        }
    }

    private void Record(ReadOnlySpan<float> mono, TimeSpan now)
    {
        if (mono.IsEmpty) return;
        var expected = _anchor + TimeSpan.FromSeconds(_written / (double)IAudioSource.SampleRate);
        if (_written < 0 || expected < now)
        {
            // The first block, a resume after a pause, or an underrun: what is written now is heard from now on.
            _anchor = now;
            _written = 0;
            expected = now;
        }

        _reference.Write(mono, expected);
        _written += mono.Length;
    }
}
