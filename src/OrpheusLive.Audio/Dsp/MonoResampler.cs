namespace OrpheusLive.Audio.Dsp;

/// <summary>
/// Turns interleaved audio of any rate and channel count into mono at one target rate: downmix, then band-limited
/// resampling. Streaming and allocation-free after construction.
/// </summary>
public sealed class MonoResampler
{
    private readonly int _channels;
    private readonly int _maxFrames;
    private readonly float[] _mono;
    private readonly Resampler _resampler;

    /// <summary>Creates the converter.</summary>
    /// <param name="inputRate">Input rate in Hz.</param>
    /// <param name="channels">Input channels per frame.</param>
    /// <param name="outputRate">Output rate in Hz.</param>
    /// <param name="maxFramesPerCall">The most frames one <see cref="Process"/> call will receive.</param>
    public MonoResampler(int inputRate, int channels, int outputRate, int maxFramesPerCall)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFramesPerCall);
        _channels = channels;
        _maxFrames = maxFramesPerCall;
        _mono = new float[maxFramesPerCall];
        _resampler = new Resampler(inputRate, outputRate);
    }

    /// <summary>Output samples needed for one full call (also enough for <see cref="Flush"/>).</summary>
    public int MaxOutput => Math.Max(_resampler.MaxOutputFor(_maxFrames), _resampler.MaxFlushOutput);

    /// <summary>Converts whole frames; returns the mono samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<float> interleaved, Span<float> output)
    {
        var frames = interleaved.Length / _channels;
        if (frames > _maxFrames) throw new ArgumentException($"At most {_maxFrames} frames per call.", nameof(interleaved));
        Downmix.ToMono(interleaved[..(frames * _channels)], _channels, _mono);
        return _resampler.Process(_mono.AsSpan(0, frames), output);
    }

    /// <summary>Ends the stream; returns the last samples.</summary>
    public int Flush(Span<float> output) => _resampler.Flush(output);
}
