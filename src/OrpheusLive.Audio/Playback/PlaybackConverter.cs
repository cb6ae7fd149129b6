using OrpheusLive.Audio.Dsp;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Converts a track's frames to the output's rate and channel count: per-channel resampling when the channel counts
/// match, otherwise downmix to mono, resample and copy to every output channel. Allocation-free after construction.
/// </summary>
internal sealed class PlaybackConverter
{
    private readonly int _inChannels;
    private readonly int _outChannels;
    private readonly Resampler[] _resamplers;
    private readonly float[] _planarIn;
    private readonly float[][] _planarOut;
    private readonly int _maxFrames;

    public PlaybackConverter(int inRate, int inChannels, int outRate, int outChannels, int maxFrames)
    {
        _inChannels = inChannels;
        _outChannels = outChannels;
        _maxFrames = maxFrames;
        var lanes = inChannels == outChannels ? outChannels : 1;
        _resamplers = new Resampler[lanes];
        for (var i = 0; i < lanes; i++) _resamplers[i] = new Resampler(inRate, outRate);
        _planarIn = new float[maxFrames];
        var laneOut = Math.Max(_resamplers[0].MaxOutputFor(maxFrames), _resamplers[0].MaxFlushOutput);
        _planarOut = new float[lanes][];
        for (var i = 0; i < lanes; i++) _planarOut[i] = new float[laneOut];
        MaxOutputSamples = laneOut * outChannels;
    }

    /// <summary>Interleaved output samples one call can produce.</summary>
    public int MaxOutputSamples { get; }

    /// <summary>Converts whole input frames; returns interleaved output samples written.</summary>
    public int Process(ReadOnlySpan<float> interleaved, Span<float> output) => Run(interleaved, output, flush: false);

    /// <summary>Emits the resamplers' tails at the end of the track.</summary>
    public int Flush(Span<float> output) => Run([], output, flush: true);

    private int Run(ReadOnlySpan<float> interleaved, Span<float> output, bool flush)
    {
        var frames = interleaved.Length / _inChannels;
        if (frames > _maxFrames) throw new ArgumentException($"At most {_maxFrames} frames per call.", nameof(interleaved));
        var produced = 0;
        if (_resamplers.Length == 1)
        {
            Downmix.ToMono(interleaved, _inChannels, _planarIn);
            produced = flush ? _resamplers[0].Flush(_planarOut[0]) : _resamplers[0].Process(_planarIn.AsSpan(0, frames), _planarOut[0]);
            return Downmix.Spread(_planarOut[0].AsSpan(0, produced), _outChannels, output);
        }

        for (var c = 0; c < _resamplers.Length; c++)
        {
            for (var i = 0; i < frames; i++) _planarIn[i] = interleaved[i * _inChannels + c];
            produced = flush ? _resamplers[c].Flush(_planarOut[c]) : _resamplers[c].Process(_planarIn.AsSpan(0, frames), _planarOut[c]);
            var lane = _planarOut[c];
            for (var i = 0; i < produced; i++) output[i * _outChannels + c] = lane[i];
        }
        return produced * _outChannels;
    }
}
