using OrpheusLive.Audio.Native;

namespace OrpheusLive.Audio.Denoise;

/// <summary>
/// Streaming suppression of stationary noise (fans, hum, a room's hiss, and the noise a microphone's automatic gain
/// control pumps up between words) by SpeexDSP's preprocessor, on the capture path before windowing, the speech gate
/// and the model; AGC, VAD and dereverberation of the preprocessor stay off. Samples are processed in place in
/// 10 ms frames with a fixed delay of one frame (<see cref="LatencySamples"/>): any block length works and, after the
/// first block, none allocates. Measured on the held-out speakers' simulated rooms: docs/echo-cancellation.md.
/// </summary>
/// <remarks>Not thread-safe: one instance per stream, used from its reading thread.</remarks>
public sealed unsafe class NoiseSuppressor : IDisposable
{
    /// <summary>Samples per frame (10 ms at 16 kHz).</summary>
    public const int FrameSamples = 160;

    private readonly int _attenuationDb;
    private readonly int _sampleRate;
    private nint _state;
    private readonly short[] _frame = new short[FrameSamples];
    private readonly float[] _ready = new float[FrameSamples];
    private int _position;
    private bool _disposed;

    /// <summary>Creates the native state; <see cref="UnavailableReason"/> says when libspeexdsp is missing (then <see cref="Process"/> only delays).</summary>
    /// <param name="attenuationDb">How far noise is pushed down, in dB (1–40); <c>Audio:NoiseSuppressionDb</c>.</param>
    /// <param name="sampleRate">The stream's sample rate.</param>
    public NoiseSuppressor(int attenuationDb, int sampleRate = 16_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attenuationDb, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attenuationDb, 40);
        _attenuationDb = attenuationDb;
        _sampleRate = sampleRate;
        try
        {
            _state = SpeexDsp.PreprocessStateInit(FrameSamples, sampleRate);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            UnavailableReason = "Noise suppression is off: the SpeexDSP library (Debian/Ubuntu package libspeexdsp1) could not be loaded; the microphone is used as it is.";
            return;
        }

        if (_state == 0)
        {
            UnavailableReason = "Noise suppression is off: speex_preprocess_state_init failed.";
            return;
        }

        Configure();
    }

    /// <summary>Why no suppression runs (libspeexdsp missing), or null.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The output's delay against the input: one frame (the preprocessor's own overlap-add is inside it).</summary>
    public const int LatencySamples = FrameSamples;

    /// <summary>Suppresses noise in <paramref name="samples"/> in place; the output lags the input by <see cref="LatencySamples"/>.</summary>
    public void Process(Span<float> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var i = 0; i < samples.Length; i++)
        {
            var v = samples[i] * 32767f;
            _frame[_position] = v >= 32767f ? short.MaxValue : v <= -32768f ? short.MinValue : (short)MathF.Round(v);
            samples[i] = _ready[_position];
            if (++_position < FrameSamples) continue;
            _position = 0;
            RunFrame();
        }
    }

    /// <summary>
    /// A whole recording suppressed, aligned with it (the one-frame delay taken out, same length). Continues from the
    /// state so far: to score a clip as live, where the suppressor has heard the room before the listener speaks, run
    /// the clip (or what preceded it) through <see cref="Process"/> first.
    /// </summary>
    public float[] ProcessWhole(ReadOnlySpan<float> samples)
    {
        var output = new float[samples.Length + LatencySamples];
        samples.CopyTo(output);
        Process(output);
        return output.AsSpan(LatencySamples).ToArray();
    }

    /// <summary>
    /// A clip on its own as the live path hears speech in a room it has been listening to: a fresh suppressor first
    /// hears the whole clip (its noise estimate settles, as live, where it runs all the time), then the clip's second
    /// pass is returned, aligned, same length. <c>eval</c>, the API's uploads and enrolment lines use it, as
    /// <c>eval</c> primes the echo canceller. The clip itself when <paramref name="attenuationDb"/> is 0 or the
    /// library is missing.
    /// </summary>
    public static float[] SuppressClip(float[] clip, int attenuationDb) => Suppress(clip, attenuationDb, hearFirst: true);

    /// <summary>
    /// A recording suppressed from its first sample by a fresh suppressor, aligned, same length (what
    /// <see cref="NoiseSuppressingSource"/> gives for it); with <paramref name="hearFirst"/>, as
    /// <see cref="SuppressClip"/>. The recording itself when <paramref name="attenuationDb"/> is 0 or the library is missing.
    /// </summary>
    public static float[] Suppress(float[] samples, int attenuationDb, bool hearFirst = false)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (attenuationDb == 0 || samples.Length == 0) return samples;
        using var suppressor = new NoiseSuppressor(attenuationDb);
        if (suppressor.UnavailableReason is not null) return samples;
        if (hearFirst) suppressor.Process(samples.ToArray());
        return suppressor.ProcessWhole(samples);
    }

    /// <summary>Forgets the noise estimate and the frame in progress (a new stream).</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _position = 0;
        Array.Clear(_ready);
        if (_state == 0) return;
        // The preprocessor has no reset call: a fresh state with the same settings.
        SpeexDsp.PreprocessStateDestroy(_state);
        _state = SpeexDsp.PreprocessStateInit(FrameSamples, _sampleRate);
        if (_state != 0) Configure();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_state != 0) SpeexDsp.PreprocessStateDestroy(_state);
    }

    private void RunFrame()
    {
        if (_state != 0)
        {
            fixed (short* frame = _frame) SpeexDsp.PreprocessRun(_state, frame);
        }

        for (var i = 0; i < FrameSamples; i++) _ready[i] = _frame[i] * (1f / 32768f);
    }

    private void Configure()
    {
        // The VAD is left as a fresh state has it (off): setting it, even to off, makes the library print a warning on
        // stderr.
        int on = 1, off = 0, level = -_attenuationDb;
        SpeexDsp.PreprocessCtl(_state, SpeexDsp.PreprocessSetDenoise, &on);
        SpeexDsp.PreprocessCtl(_state, SpeexDsp.PreprocessSetAgc, &off);
        SpeexDsp.PreprocessCtl(_state, SpeexDsp.PreprocessSetDereverb, &off);
        SpeexDsp.PreprocessCtl(_state, SpeexDsp.PreprocessSetNoiseSuppress, &level);
    }
}
