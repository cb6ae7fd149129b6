using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The echo canceller of the capture path (16 kHz mono): finds the delay from playback to capture (GCC-PHAT, tracked
/// over time), compensates clock drift by resampling the reference along the tracked delay line, and runs an adaptive
/// filter (<see cref="EchoCancellerOptions.Engine"/>: SpeexDSP's MDF by default) over the echo tail that follows.
/// Until the delay is found, while the reference is silent or missing, and when the engine is unavailable, the
/// capture passes through unchanged. A filter that makes the output louder than the capture for
/// <see cref="EchoCancellerOptions.DivergenceMilliseconds"/> is reset and <see cref="Diverged"/> raised once; a
/// single frame that would come out louder than the capture is replaced by the capture.
/// </summary>
/// <remarks>
/// Buffers are allocated once; <see cref="Process"/> does not allocate. Not thread-safe: one capture thread calls it.
/// Chosen and measured in <c>docs/echo-cancellation.md</c>.
/// </remarks>
public sealed class EchoCanceller : IEchoCanceller
{
    private const int SampleRate = IAudioSource.SampleRate;
    private const double JumpSamples = 48;     // an estimate this far (3 ms) off the tracked line is an outlier
    private const int RelockAfter = 4;         // agreeing outliers (about 1 s) before the alignment jumps
    private const int RebaseAfter = 12;        // agreeing outliers (about 3 s) before the delay line moves within the filter
    private const double SlewDeadband = 8;     // alignment errors below this (0.5 ms) are left to the filter
    private const double SlewPerUpdate = 0.05; // the most the alignment is moved per estimate, in samples
    private const float ActiveReference = 1e-5f; // about -100 dBFS
    private const float TinyPower = 1e-12f;

    private readonly EchoCancellerOptions _options;
    private readonly IEchoFilterEngine? _engine;
    private readonly int _frame;
    private readonly int _preDelay;
    private readonly int _silentAfter;
    private readonly int _filterSamples;
    private readonly double _maxSlope;
    private readonly float _divergenceRatio;
    private readonly int _divergenceSamples;
    private readonly float _powerSmoothing;
    private readonly DelayEstimator _estimator;
    private readonly DelayTrack _track = new();
    private readonly ReferenceHistory _history;
    private readonly float[] _capture, _reference, _aligned, _processed, _output;
    private readonly float[] _captureLine;  // the capture delayed by the engine's latency (what its output lines up with)
    private readonly int _engineLatency;
    private int _position;
    private long _captureIndex;    // capture samples framed so far (start of the next frame)
    private bool _isAligned;
    private double _readPosition;  // reference position read for capture sample _captureIndex
    private double _rate = 1;
    private int _outliers;
    private double _lastOutlier;
    private int _sinceReference = int.MaxValue / 2;
    private float _capturePower, _outputPower;
    private int _tooLoud, _holdOff, _resets;

    /// <summary>Creates a canceller; when the engine's native library is missing it passes audio through and says why in <see cref="UnavailableReason"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public EchoCanceller(EchoCancellerOptions? options = null)
        : this(options ?? new EchoCancellerOptions(), CreateEngine)
    {
    }

    internal EchoCanceller(EchoCancellerOptions options, Func<EchoCancellerOptions, IEchoFilterEngine> engineFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _frame = options.FrameSamples;
        _preDelay = options.PreDelayMilliseconds * SampleRate / 1000;
        var maxDelay = options.MaxDelayMilliseconds * SampleRate / 1000;
        var filter = options.FilterMilliseconds * SampleRate / 1000;
        _filterSamples = filter;
        _silentAfter = filter + _frame;
        _maxSlope = options.MaxDriftPpm * 1e-6;
        _divergenceRatio = (float)Math.Pow(10, options.DivergenceThresholdDb / 10);
        _divergenceSamples = options.DivergenceMilliseconds * SampleRate / 1000;
        _powerSmoothing = (float)Math.Exp(-_frame / (0.1 * SampleRate));
        _estimator = new DelayEstimator(maxDelay);
        _history = new ReferenceHistory(maxDelay + 4 * _frame + 256);
        _capture = new float[_frame];
        _reference = new float[_frame];
        _aligned = new float[_frame];
        _processed = new float[_frame];
        _output = new float[_frame];
        _captureLine = new float[_frame * 2];
        try
        {
            _engine = engineFactory(options);
            _engineLatency = _engine.LatencySamples;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            UnavailableReason = options.Engine == EchoCancellerEngine.Speex
                ? "Echo cancellation is off: the SpeexDSP library (Debian/Ubuntu package libspeexdsp1) could not be loaded; the microphone is used as it is."
                : $"Echo cancellation is off: the {options.Engine} engine could not be loaded ({e.Message}); the microphone is used as it is.";
        }
    }

    /// <inheritdoc />
    public int LatencySamples => _frame + _engineLatency;

    /// <inheritdoc />
    public string? UnavailableReason { get; }

    /// <inheritdoc />
    public bool IsAligned => _isAligned && _engine is not null;

    /// <inheritdoc />
    public double? DelayMilliseconds => IsAligned ? _track.Predict(_captureIndex) * 1000.0 / SampleRate : null;

    /// <inheritdoc />
    public double DriftPpm => _options.TrackDrift ? Math.Clamp(_track.Slope, -_maxSlope, _maxSlope) * 1e6 : 0;

    /// <summary>Resets for divergence so far.</summary>
    public int DivergenceResets => _resets;

    /// <inheritdoc />
    public event EventHandler<EchoDivergenceEventArgs>? Diverged;

    /// <inheritdoc />
    public void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output)
    {
        if (output.Length != capture.Length)
            throw new ArgumentException($"The output must hold as many samples as the capture ({capture.Length}).", nameof(output));
        for (var i = 0; i < capture.Length; i++)
        {
            output[i] = _output[_position];
            _capture[_position] = Finite(capture[i]);
            _reference[_position] = i < reference.Length ? Finite(reference[i]) : 0f;
            if (++_position == _frame)
            {
                _position = 0;
                ProcessFrame();
            }
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _engine?.Reset();
        _estimator.Reset();
        _history.Reset();
        Array.Clear(_output);
        Array.Clear(_captureLine);
        _position = 0;
        _captureIndex = 0;
        _isAligned = false;
        _readPosition = 0;
        _rate = 1;
        _outliers = 0;
        _sinceReference = int.MaxValue / 2;
        _capturePower = _outputPower = 0;
        _tooLoud = _holdOff = 0;
    }

    /// <inheritdoc />
    public void Dispose() => _engine?.Dispose();

    private static IEchoFilterEngine CreateEngine(EchoCancellerOptions options) => options.Engine switch
    {
        EchoCancellerEngine.Fdaf => new PartitionedBlockEchoEngine(options, SampleRate),
        _ => new SpeexEchoEngine(options, SampleRate),
    };

    private static float Finite(float value) => float.IsFinite(value) ? value : 0f;

    private void ProcessFrame()
    {
        // _captureLine holds [previous frame, this frame]; the engine's output lines up with the frame _engineLatency back.
        _captureLine.AsSpan(_frame).CopyTo(_captureLine);
        _capture.CopyTo(_captureLine, _frame);
        var captureOut = _captureLine.AsSpan(_frame - _engineLatency, _frame);
        _history.Write(_reference);
        if (_estimator.Push(_capture, _reference)) UpdateAlignment();
        if (_engine is null || !_isAligned)
        {
            captureOut.CopyTo(_output);
            _captureIndex += _frame;
            return;
        }

        var active = false;
        for (var i = 0; i < _frame; i++)
        {
            var r = _history.Read(_readPosition);
            _aligned[i] = r;
            active |= MathF.Abs(r) > ActiveReference;
            _readPosition += _rate;
        }

        _sinceReference = active ? 0 : Math.Min(_sinceReference + _frame, int.MaxValue / 2);
        _engine.Process(_capture, _aligned, _processed);
        if (_sinceReference > _silentAfter)
        {
            captureOut.CopyTo(_output); // nothing played within the filter's reach: nothing to cancel
        }
        else if (Watch(captureOut))
        {
            _processed.CopyTo(_output, 0);
        }
        else
        {
            captureOut.CopyTo(_output);
        }

        _captureIndex += _frame;
    }

    /// <summary>Watches for divergence; returns false when this frame's output must be replaced by the capture.</summary>
    private bool Watch(ReadOnlySpan<float> capture)
    {
        float captureEnergy = 0, outputEnergy = 0;
        for (var i = 0; i < _frame; i++)
        {
            captureEnergy += capture[i] * capture[i];
            outputEnergy += _processed[i] * _processed[i];
        }

        if (!float.IsFinite(outputEnergy))
        {
            Diverge(double.PositiveInfinity);
            return false;
        }

        _capturePower = _powerSmoothing * _capturePower + (1 - _powerSmoothing) * captureEnergy;
        _outputPower = _powerSmoothing * _outputPower + (1 - _powerSmoothing) * outputEnergy;
        if (_holdOff > 0)
        {
            _holdOff -= _frame;
        }
        else if (_capturePower > TinyPower && _outputPower > _capturePower * _divergenceRatio)
        {
            _tooLoud += _frame;
            if (_tooLoud >= _divergenceSamples)
            {
                Diverge(10 * Math.Log10(_outputPower / _capturePower));
                return false;
            }
        }
        else
        {
            _tooLoud = 0;
        }

        return outputEnergy <= captureEnergy * _divergenceRatio || captureEnergy <= TinyPower;
    }

    private void Diverge(double ratioDb)
    {
        _engine!.Reset();
        _resets++;
        _tooLoud = 0;
        _holdOff = SampleRate; // a second of grace while the fresh filter converges
        _capturePower = _outputPower = 0;
        Diverged?.Invoke(this, new EchoDivergenceEventArgs((_captureIndex + _frame) / (double)SampleRate, _resets, ratioDb));
    }

    private void UpdateAlignment()
    {
        var delay = _estimator.DelaySamples;
        var at = _estimator.EstimateSampleIndex;
        if (!_isAligned)
        {
            Align(at, delay);
            return;
        }

        var deviation = delay - _track.Predict(at);
        if (Math.Abs(deviation) > JumpSamples)
        {
            // Odd estimates (a strong reflection, a beat that repeats, noise) are ignored until several in a row agree.
            _outliers = _outliers > 0 && Math.Abs(delay - _lastOutlier) <= JumpSamples ? _outliers + 1 : 1;
            _lastOutlier = delay;
            var covered = deviation > -(_preDelay - ReferenceHistory.Lookahead) && deviation < _filterSamples / 4.0;
            if (!covered && _outliers >= RelockAfter)
            {
                // The echo path moved out of the filter's reach (another device, a new buffer size): start again there.
                Align(at, delay);
                _engine?.Reset();
            }
            else if (covered && _outliers >= RebaseAfter)
            {
                // Moved within the filter's reach: the filter follows by itself; the delay line starts again there.
                _track.Reset(at, delay);
                _outliers = 0;
            }

            return;
        }

        _outliers = 0;
        _track.Add(at, delay);
        if (!_options.TrackDrift) return;
        var slope = Math.Clamp(_track.Slope, -_maxSlope, _maxSlope);
        _rate = 1 - slope;
        var error = Target(_track.Predict(_captureIndex)) - _readPosition;
        if (Math.Abs(error) > SlewDeadband)
        {
            _readPosition += Math.Clamp(error * 0.05, -SlewPerUpdate, SlewPerUpdate);
        }
    }

    private void Align(long at, double delay)
    {
        _track.Reset(at, delay);
        _outliers = 0;
        _rate = 1;
        _readPosition = Math.Round(Target(delay));
        _isAligned = true;
    }

    /// <summary>The reference position for capture sample <see cref="_captureIndex"/> at a delay: the filter starts the pre-delay earlier.</summary>
    private double Target(double delay) => _captureIndex - Math.Max(0, delay - _preDelay);
}
