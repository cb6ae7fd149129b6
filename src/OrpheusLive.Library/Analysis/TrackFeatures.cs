namespace OrpheusLive.Library.Analysis;

/// <summary>
/// The audio features of one track (aggregated over its frames and segments), stored as JSON in the library. Frame
/// features use a 2048-sample Hann STFT with hop 512 at 22 050 Hz; segment features are computed per
/// <see cref="AnalyzerOptions.SegmentSeconds"/> segment and averaged.
/// </summary>
public sealed record TrackFeatures
{
    /// <summary>Decoded length in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Segments analysed.</summary>
    public int Segments { get; init; }

    /// <summary>Integrated loudness of the mono downmix (BS.1770-4 gating), LUFS.</summary>
    public double LoudnessLufs { get; init; }

    /// <summary>Loudness range (EBU Tech 3342), LU.</summary>
    public double LoudnessRange { get; init; }

    /// <summary>Tempo (BPM) from the summed onset autocorrelation of all segments with a log-normal prior at 120 BPM.</summary>
    public double TempoBpm { get; init; }

    /// <summary>Pulse clarity: the autocorrelation peak of the onset envelope (0–1), mean over segments.</summary>
    public double BeatStrength { get; init; }

    /// <summary>Onsets (peaks of the onset envelope) per second, mean over segments.</summary>
    public double OnsetRate { get; init; }

    /// <summary>Spectral centroid (Hz), mean over frames.</summary>
    public double CentroidMean { get; init; }

    /// <summary>Spectral centroid (Hz), standard deviation over frames.</summary>
    public double CentroidStd { get; init; }

    /// <summary>85 % spectral roll-off (Hz), mean over frames.</summary>
    public double RolloffMean { get; init; }

    /// <summary>85 % spectral roll-off (Hz), standard deviation.</summary>
    public double RolloffStd { get; init; }

    /// <summary>Spectral flux (positive log10(1 + mel magnitude) difference per frame, mean over 40 bands), mean over frames.</summary>
    public double FluxMean { get; init; }

    /// <summary>Spectral flux, standard deviation.</summary>
    public double FluxStd { get; init; }

    /// <summary>Spectral contrast (dB) in 7 octave bands from 0–200 Hz up to 6.4–11 kHz (Jiang et al. 2002), means.</summary>
    public double[] Contrast { get; init; } = [];

    /// <summary>MFCC 0–12 (orthonormal DCT of 40 log-mel bands, dB), means.</summary>
    public double[] MfccMean { get; init; } = [];

    /// <summary>MFCC 0–12, standard deviations.</summary>
    public double[] MfccStd { get; init; } = [];

    /// <summary>Mean chroma (12 pitch classes from C, each frame max-normalised).</summary>
    public double[] Chroma { get; init; } = [];

    /// <summary>Estimated tonic, 0 = C … 11 = B (Krumhansl–Schmuckler).</summary>
    public int Key { get; init; }

    /// <summary>True for a major key estimate, false for minor.</summary>
    public bool Major { get; init; }

    /// <summary>Correlation of the chroma with the best key profile (−1…1).</summary>
    public double KeyClarity { get; init; }

    /// <summary>Best major minus best minor key correlation (positive: major).</summary>
    public double Majorness { get; init; }

    /// <summary>Frame RMS (dBFS), mean over non-silent frames.</summary>
    public double RmsMeanDb { get; init; }

    /// <summary>Frame RMS (dB), standard deviation over non-silent frames.</summary>
    public double RmsStdDb { get; init; }

    /// <summary>Peak sample over track RMS, dB.</summary>
    public double CrestDb { get; init; }

    /// <summary>95th minus 10th percentile of non-silent frame RMS, dB.</summary>
    public double DynamicRangeDb { get; init; }

    /// <summary>Share of frames quieter than their segment's mean RMS (Tzanetakis &amp; Cook 2002).</summary>
    public double LowEnergyRatio { get; init; }

    /// <summary>Names of <see cref="ToVector"/>'s entries, in order.</summary>
    public static IReadOnlyList<string> VectorNames { get; } = BuildNames();

    /// <summary>
    /// The features clustering uses, as one vector (key-independent: chroma and tonic are left out; MFCC 0 is left out as
    /// it mostly repeats loudness). Frequencies are log2, so octaves weigh alike.
    /// </summary>
    public double[] ToVector()
    {
        var v = new List<double>(48)
        {
            LoudnessLufs, LoudnessRange, Math.Log2(Math.Max(TempoBpm, 30)), BeatStrength, OnsetRate,
            Math.Log2(Math.Max(CentroidMean, 20)), CentroidStd / Math.Max(CentroidMean, 20), Math.Log2(Math.Max(RolloffMean, 20)),
            FluxMean, FluxStd, KeyClarity, Majorness, RmsStdDb, CrestDb, DynamicRangeDb, LowEnergyRatio,
        };
        v.AddRange(Contrast);
        for (var i = 1; i < MfccMean.Length; i++) v.Add(MfccMean[i]);
        for (var i = 1; i < MfccStd.Length; i++) v.Add(MfccStd[i]);
        return [.. v];
    }

    private static string[] BuildNames()
    {
        var names = new List<string>
        {
            "loudness_lufs", "loudness_range", "log2_tempo", "beat_strength", "onset_rate", "log2_centroid", "centroid_cv",
            "log2_rolloff", "flux_mean", "flux_std", "key_clarity", "majorness", "rms_std_db", "crest_db", "dynamic_range_db", "low_energy",
        };
        for (var i = 0; i < 7; i++) names.Add($"contrast_{i}");
        for (var i = 1; i < 13; i++) names.Add($"mfcc{i}_mean");
        for (var i = 1; i < 13; i++) names.Add($"mfcc{i}_std");
        return [.. names];
    }
}
