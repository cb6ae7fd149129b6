using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Emotion;

/// <summary>One audio feature the valence–arousal model reads, with the name it is calibrated under.</summary>
/// <param name="Name">The feature's name in <see cref="ReferenceStatistics"/>.</param>
/// <param name="Read">Reads it from a track's features.</param>
public sealed record AffectCue(string Name, Func<TrackFeatures, double> Read)
{
    /// <summary>Integrated loudness, LUFS.</summary>
    public static AffectCue Loudness { get; } = new("loudness_lufs", f => f.LoudnessLufs);

    /// <summary>Mean spectral flux.</summary>
    public static AffectCue Flux { get; } = new("flux_mean", f => f.FluxMean);

    /// <summary>Tempo in octaves (log2 BPM): doubling the tempo adds 1.</summary>
    public static AffectCue Tempo { get; } = new("log2_tempo", f => Math.Log2(Math.Max(f.TempoBpm, 30)));

    /// <summary>Onsets per second.</summary>
    public static AffectCue OnsetRate { get; } = new("onset_rate", f => f.OnsetRate);

    /// <summary>Brightness: the spectral centroid in octaves (log2 Hz).</summary>
    public static AffectCue Brightness { get; } = new("log2_centroid", f => Math.Log2(Math.Max(f.CentroidMean, 20)));

    /// <summary>Pulse clarity (beat strength).</summary>
    public static AffectCue BeatStrength { get; } = new("beat_strength", f => f.BeatStrength);

    /// <summary>Mode: best major minus best minor key-profile correlation.</summary>
    public static AffectCue Majorness { get; } = new("majorness", f => f.Majorness);

    /// <summary>Key clarity: the best key-profile correlation.</summary>
    public static AffectCue KeyClarity { get; } = new("key_clarity", f => f.KeyClarity);

    /// <summary>Every cue the model reads.</summary>
    public static IReadOnlyList<AffectCue> All { get; } = [Loudness, Flux, Tempo, OnsetRate, Brightness, BeatStrength, Majorness, KeyClarity];
}
