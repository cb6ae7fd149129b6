namespace OrpheusLive.Audio.Echo;

/// <summary>
/// Settings of <see cref="EchoCanceller"/>. The defaults are the measured choice (<c>docs/echo-cancellation.md</c>);
/// <see cref="Validate"/> names the setting and its valid range.
/// </summary>
public sealed record EchoCancellerOptions
{
    /// <summary>The adaptive filter. Default <see cref="EchoCancellerEngine.Speex"/>.</summary>
    public EchoCancellerEngine Engine { get; init; } = EchoCancellerEngine.Speex;

    /// <summary>Samples per processing frame (a power of two, 64–1024); the canceller's latency. Default 128 (8 ms at 16 kHz).</summary>
    public int FrameSamples { get; init; } = 128;

    /// <summary>
    /// Length of the adaptive filter in milliseconds, counted from <see cref="PreDelayMilliseconds"/> before the
    /// estimated delay: the part of the room's echo tail that is cancelled. 32–1000. Default 256.
    /// </summary>
    public int FilterMilliseconds { get; init; } = 256;

    /// <summary>The largest delay between playback and capture that is searched for, in milliseconds. 0–2000. Default 500.</summary>
    public int MaxDelayMilliseconds { get; init; } = 500;

    /// <summary>How far before the estimated delay the filter starts (room for early reflections and estimation error), ms. 0–50. Default 8.</summary>
    public int PreDelayMilliseconds { get; init; } = 8;

    /// <summary>Compensate clock drift between playback and capture by resampling the reference. Default on.</summary>
    public bool TrackDrift { get; init; } = true;

    /// <summary>The largest clock drift that is compensated, in parts per million. 0–1000. Default 300.</summary>
    public double MaxDriftPpm { get; init; } = 300;

    /// <summary>Run SpeexDSP's residual-echo suppressor after the Speex filter (ignored by other engines). Default off.</summary>
    public bool ResidualEchoSuppression { get; init; }

    /// <summary>The suppressor's noise floor attenuation in dB (kept mild: noise suppression is not the goal). 0–40. Default 3.</summary>
    public int ResidualNoiseSuppressionDb { get; init; } = 3;

    /// <summary>Largest residual-echo attenuation in dB when there is no near-end speech. 0–60. Default 40.</summary>
    public int ResidualEchoSuppressionDb { get; init; } = 40;

    /// <summary>Largest residual-echo attenuation in dB while the near end talks. 0–60. Default 15.</summary>
    public int ResidualEchoSuppressionActiveDb { get; init; } = 15;

    /// <summary>
    /// The output counts as diverged when it stays this many dB louder than the capture for
    /// <see cref="DivergenceMilliseconds"/>. 1–20. Default 3.
    /// </summary>
    public double DivergenceThresholdDb { get; init; } = 3;

    /// <summary>How long the output must stay too loud before the filter is reset, in milliseconds. 50–5000. Default 300.</summary>
    public int DivergenceMilliseconds { get; init; } = 300;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Engine))
            throw new ArgumentException($"EchoCancel engine must be one of {string.Join(", ", Enum.GetNames<EchoCancellerEngine>())} (got {Engine}).");
        if (FrameSamples is < 64 or > 1024 || (FrameSamples & (FrameSamples - 1)) != 0)
            throw new ArgumentException($"EchoCancel FrameSamples must be a power of two from 64 to 1024 (got {FrameSamples}).");
        Check(FilterMilliseconds, 32, 1000, nameof(FilterMilliseconds));
        Check(MaxDelayMilliseconds, 0, 2000, nameof(MaxDelayMilliseconds));
        Check(PreDelayMilliseconds, 0, 50, nameof(PreDelayMilliseconds));
        Check(MaxDriftPpm, 0, 1000, nameof(MaxDriftPpm));
        Check(ResidualNoiseSuppressionDb, 0, 40, nameof(ResidualNoiseSuppressionDb));
        Check(ResidualEchoSuppressionDb, 0, 60, nameof(ResidualEchoSuppressionDb));
        Check(ResidualEchoSuppressionActiveDb, 0, 60, nameof(ResidualEchoSuppressionActiveDb));
        Check(DivergenceThresholdDb, 1, 20, nameof(DivergenceThresholdDb));
        Check(DivergenceMilliseconds, 50, 5000, nameof(DivergenceMilliseconds));
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentException($"EchoCancel {name} must be {min}–{max} (got {value}).");
    }
}
