using OrpheusLive.Audio.Native;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// SpeexDSP's MDF echo canceller (multi-delay block frequency-domain filter with a foreground/background pair and
/// a variable step that slows adaptation under double-talk) by P/Invoke, optionally followed by its preprocessor as a
/// residual-echo suppressor (noise suppression, AGC, VAD and dereverb off). Samples cross as 16-bit integers, the
/// library's interface: floats are scaled by 32767 and clipped.
/// </summary>
internal sealed unsafe class SpeexEchoEngine : IEchoFilterEngine
{
    private readonly nint _echo;
    private readonly nint _preprocess;
    private readonly short[] _capture;
    private readonly short[] _reference;
    private readonly short[] _output;
    private readonly int _filterSamples;
    private readonly int _sampleRate;
    private readonly EchoCancellerOptions _options;
    private bool _disposed;

    /// <summary>Creates the native states.</summary>
    /// <exception cref="DllNotFoundException">libspeexdsp is not installed.</exception>
    public SpeexEchoEngine(EchoCancellerOptions options, int sampleRate)
    {
        _options = options;
        FrameSamples = options.FrameSamples;
        _sampleRate = sampleRate;
        _filterSamples = options.FilterMilliseconds * sampleRate / 1000;
        _capture = new short[FrameSamples];
        _reference = new short[FrameSamples];
        _output = new short[FrameSamples];
        _echo = SpeexDsp.EchoStateInit(FrameSamples, _filterSamples);
        if (_echo == 0) throw new InvalidOperationException("speex_echo_state_init failed.");
        var rate = sampleRate;
        SpeexDsp.EchoCtl(_echo, SpeexDsp.EchoSetSamplingRate, &rate);
        if (options.ResidualEchoSuppression)
        {
            _preprocess = SpeexDsp.PreprocessStateInit(FrameSamples, sampleRate);
            ConfigurePreprocessor();
        }
    }

    /// <inheritdoc />
    public int FrameSamples { get; }

    /// <inheritdoc />
    /// <remarks>The preprocessor's overlap-add delays its output by one frame.</remarks>
    public int LatencySamples => _preprocess != 0 ? FrameSamples : 0;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ToPcm(capture, _capture);
        ToPcm(reference, _reference);
        fixed (short* c = _capture, r = _reference, o = _output)
        {
            SpeexDsp.EchoCancellation(_echo, c, r, o);
            if (_preprocess != 0) SpeexDsp.PreprocessRun(_preprocess, o);
        }

        for (var i = 0; i < output.Length; i++) output[i] = _output[i] * (1f / 32768f);
    }

    /// <inheritdoc />
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SpeexDsp.EchoStateReset(_echo);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_preprocess != 0) SpeexDsp.PreprocessStateDestroy(_preprocess);
        SpeexDsp.EchoStateDestroy(_echo);
    }

    private void ConfigurePreprocessor()
    {
        int on = 1, off = 0;
        var noise = -_options.ResidualNoiseSuppressionDb;
        var echo = -_options.ResidualEchoSuppressionDb;
        var echoActive = -_options.ResidualEchoSuppressionActiveDb;
        // The suppression gains are computed by the denoiser, so it stays on with a mild noise floor. The VAD is off in
        // a fresh state; setting it (even off) makes the library print a warning on stderr.
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetDenoise, &on);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetAgc, &off);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetDereverb, &off);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetNoiseSuppress, &noise);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetEchoSuppress, &echo);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetEchoSuppressActive, &echoActive);
        SpeexDsp.PreprocessCtl(_preprocess, SpeexDsp.PreprocessSetEchoState, (void*)_echo);
    }

    private static void ToPcm(ReadOnlySpan<float> source, short[] target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var v = source[i] * 32767f;
            target[i] = v >= 32767f ? short.MaxValue : v <= -32768f ? short.MinValue : (short)MathF.Round(v);
        }
    }
}
