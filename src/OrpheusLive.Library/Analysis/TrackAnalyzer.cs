using OrpheusLive.Audio.Decoding;

namespace OrpheusLive.Library.Analysis;

/// <summary>
/// Analyses one track into <see cref="TrackFeatures"/>, streaming: the audio is read in blocks, framed, and every
/// feature is accumulated in fixed-size state (running means, histograms, one segment's onset envelope), so a
/// 10-hour file needs the same memory as a 3-minute one. One instance per thread (not thread-safe); reuse it for
/// many tracks — its buffers are allocated once.
/// </summary>
public sealed class TrackAnalyzer
{
    /// <summary>
    /// The analyser's version, stored with each track: a library re-analyses tracks analysed by another version.
    /// Bump it whenever a change alters any feature value.
    /// </summary>
    public const int Version = 1;

    private const int BlockSamples = 4096;
    private const double SilenceDb = -70;
    private readonly AnalyzerOptions _options;
    private readonly SpectralFrame _spectral;
    private readonly TempoTracker _tempo;
    private readonly float[] _block = new float[BlockSamples];
    private readonly float[] _frame;
    private readonly float[] _envelope;
    private readonly float[] _segmentRms;
    private readonly int _segmentFrames;

    /// <summary>Creates an analyser.</summary>
    public TrackAnalyzer(AnalyzerOptions? options = null)
    {
        _options = options ?? AnalyzerOptions.Default;
        _options.Validate();
        _spectral = new SpectralFrame(_options.FrameSize, _options.SampleRate);
        _tempo = new TempoTracker(_options.FrameRate);
        _frame = new float[_options.FrameSize];
        _segmentFrames = (int)Math.Round(_options.SegmentSeconds * _options.FrameRate);
        _envelope = new float[_segmentFrames];
        _segmentRms = new float[_segmentFrames];
    }

    /// <summary>The options in use.</summary>
    public AnalyzerOptions Options => _options;

    /// <summary>Decodes <paramref name="path"/> at the analysis rate and analyses it.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be decoded, breaks the channel/rate limits, or is too short.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TrackFeatures AnalyzeFile(IAudioDecoder decoder, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        using var reader = decoder.Open(path, _options.SampleRate);
        var (rate, channels) = reader.Source;
        var name = Path.GetFileName(path);
        if (channels > _options.MaxChannels)
            throw new AudioDecodeException(AudioDecodeErrorKind.Unsupported, $"'{name}' has {channels} channels; the library analyses up to {_options.MaxChannels} (5.1): downmix it to stereo first (Library:Analysis:MaxChannels).");
        if (rate > _options.MaxSourceSampleRate || rate < _options.MinSourceSampleRate)
            throw new AudioDecodeException(AudioDecodeErrorKind.Unsupported,
                $"'{name}' is sampled at {rate} Hz; the library analyses {_options.MinSourceSampleRate}–{_options.MaxSourceSampleRate} Hz: convert it to 48 kHz first (Library:Analysis:MaxSourceSampleRate).");
        return Analyze(reader, name, cancellationToken);
    }

    /// <summary>Analyses audio already at <see cref="AnalyzerOptions.SampleRate"/>.</summary>
    /// <param name="reader">Mono audio at the analysis rate.</param>
    /// <param name="name">The track's name for messages.</param>
    /// <param name="cancellationToken">Checked between blocks.</param>
    /// <exception cref="AudioDecodeException">The audio is shorter than <see cref="AnalyzerOptions.MinSeconds"/>, or damaged.</exception>
    public TrackFeatures Analyze(IMonoAudioReader reader, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.SampleRate != _options.SampleRate)
            throw new ArgumentException($"The reader delivers {reader.SampleRate} Hz; the analyser needs {_options.SampleRate} Hz.", nameof(reader));

        var state = new State(_options.SampleRate);
        _spectral.Reset();
        _tempo.Reset();
        Array.Clear(_frame);
        var hop = _options.HopSize;
        var keep = _options.FrameSize - hop;
        var inHop = 0;
        int n;
        while ((n = reader.Read(_block)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = _block.AsSpan(0, n);
            state.Loudness.Process(samples);
            foreach (var s in samples)
            {
                var a = Math.Abs(s);
                if (a > state.Peak) state.Peak = a;
                state.SumSquares += (double)s * s;
            }
            state.Samples += n;

            var offset = 0;
            while (offset < n)
            {
                var take = Math.Min(hop - inHop, n - offset);
                samples.Slice(offset, take).CopyTo(_frame.AsSpan(keep + inHop));
                inHop += take;
                offset += take;
                if (inHop < hop) continue;
                ProcessFrame(state);
                Array.Copy(_frame, hop, _frame, 0, keep);
                inHop = 0;
            }
        }

        var seconds = state.Samples / (double)_options.SampleRate;
        if (state.Samples == 0) throw new AudioDecodeException(AudioDecodeErrorKind.Empty, $"'{name}' holds no audio (0 s).");
        if (seconds < _options.MinSeconds)
            throw new AudioDecodeException(AudioDecodeErrorKind.Empty, FormattableString.Invariant($"'{name}' is too short to analyse ({seconds:0.00} s; at least {_options.MinSeconds} s)."));
        if (state.SegmentFill > 0) CloseSegment(state);
        return Summarise(state, seconds);
    }

    private void ProcessFrame(State state)
    {
        double energy = 0;
        foreach (var x in _frame) energy += (double)x * x;
        var rms = Math.Sqrt(energy / _frame.Length);
        var rmsDb = rms > 0 ? 20 * Math.Log10(rms) : -200;
        if (rmsDb > SilenceDb)
        {
            state.Rms.Add(rmsDb);
            state.RmsHistogram.Add(rmsDb, rms * rms);
        }

        _spectral.Process(_frame);
        if (!_spectral.IsSilent && rmsDb > SilenceDb)
        {
            state.Centroid.Add(_spectral.Centroid);
            state.Rolloff.Add(_spectral.Rolloff);
            if (_spectral.HasContrast) for (var i = 0; i < SpectralFrame.ContrastBands; i++) state.Contrast[i].Add(_spectral.Contrast[i]);
            for (var i = 0; i < SpectralFrame.MfccCount; i++) state.Mfcc[i].Add(_spectral.Mfcc[i]);
            for (var i = 0; i < 12; i++) state.Chroma[i] += _spectral.Chroma[i];
            state.ChromaFrames++;
        }
        state.Flux.Add(_spectral.Flux);

        _envelope[state.SegmentFill] = _spectral.Flux;
        _segmentRms[state.SegmentFill] = (float)rms;
        if (++state.SegmentFill == _segmentFrames) CloseSegment(state);
    }

    private void CloseSegment(State state)
    {
        var frames = state.SegmentFill;
        _tempo.AddSegment(_envelope.AsSpan(0, frames));
        double mean = 0;
        for (var i = 0; i < frames; i++) mean += _segmentRms[i];
        mean /= frames;
        var low = 0;
        for (var i = 0; i < frames; i++) if (_segmentRms[i] < mean) low++;
        state.LowEnergy.Add(low / (double)frames);
        state.Segments++;
        state.SegmentFill = 0;
    }

    private TrackFeatures Summarise(State s, double seconds)
    {
        var chroma = new double[12];
        for (var i = 0; i < 12; i++) chroma[i] = s.ChromaFrames == 0 ? 0 : s.Chroma[i] / s.ChromaFrames;
        var key = KeyEstimator.Estimate(chroma);
        var rms = Math.Sqrt(s.SumSquares / Math.Max(1, s.Samples));
        return new TrackFeatures
        {
            DurationSeconds = seconds,
            Segments = s.Segments,
            LoudnessLufs = s.Loudness.IntegratedLufs,
            LoudnessRange = s.Loudness.LoudnessRange,
            TempoBpm = _tempo.Tempo(),
            BeatStrength = _tempo.BeatStrength,
            OnsetRate = _tempo.OnsetRate,
            CentroidMean = s.Centroid.Mean,
            CentroidStd = s.Centroid.StdDev,
            RolloffMean = s.Rolloff.Mean,
            RolloffStd = s.Rolloff.StdDev,
            FluxMean = s.Flux.Mean,
            FluxStd = s.Flux.StdDev,
            Contrast = [.. s.Contrast.Select(c => c.Mean)],
            MfccMean = [.. s.Mfcc.Select(c => c.Mean)],
            MfccStd = [.. s.Mfcc.Select(c => c.StdDev)],
            Chroma = chroma,
            Key = key.Tonic,
            Major = key.Major,
            KeyClarity = key.Clarity,
            Majorness = key.Majorness,
            RmsMeanDb = s.Rms.Count == 0 ? SilenceDb : s.Rms.Mean,
            RmsStdDb = s.Rms.StdDev,
            CrestDb = rms > 0 && s.Peak > 0 ? 20 * Math.Log10(s.Peak / rms) : 0,
            DynamicRangeDb = s.RmsHistogram.Count == 0 ? 0 : s.RmsHistogram.Percentile(0.95) - s.RmsHistogram.Percentile(0.10),
            LowEnergyRatio = s.LowEnergy.Mean,
        };
    }

    private sealed class State(int sampleRate)
    {
        public readonly LoudnessMeter Loudness = new(sampleRate);
        public readonly DecibelHistogram RmsHistogram = new(SilenceDb, 10);
        public readonly RunningStats[] Contrast = new RunningStats[SpectralFrame.ContrastBands];
        public readonly RunningStats[] Mfcc = new RunningStats[SpectralFrame.MfccCount];
        public readonly double[] Chroma = new double[12];
        public RunningStats Rms;
        public RunningStats Centroid;
        public RunningStats Rolloff;
        public RunningStats Flux;
        public RunningStats LowEnergy;
        public long ChromaFrames;
        public long Samples;
        public double SumSquares;
        public float Peak;
        public int SegmentFill;
        public int Segments;
    }
}
