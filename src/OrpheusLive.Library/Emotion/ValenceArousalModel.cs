using OrpheusLive.Core.Moods;
using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Emotion;

/// <summary>
/// Valence and arousal in [-1, 1] from a track's features: each cue is standardised against real reference music
/// (<see cref="ReferenceStatistics"/>), the cues are summed with fixed weights whose signs come from published
/// music-emotion findings, and the sums are squashed by tanh. A transparent, monotone model: raising any arousal cue
/// (faster, louder, brighter, busier) never lowers arousal. See <c>src/OrpheusLive.Library/README.md</c> for the
/// sources of every weight and the honest limits (no music-emotion data set was reachable to fit or validate it).
/// </summary>
/// <param name="reference">The calibration; <see cref="ReferenceStatistics.Default"/> when null.</param>
public sealed class ValenceArousalModel(ReferenceStatistics? reference = null)
{
    /// <summary>
    /// Arousal weights. Loudness, tempo, event density and brightness raise perceived activity (Gabrielsson &amp;
    /// Lindström 2010; Schubert 2004; Ilie &amp; Thompson 2006); spectral flux and pulse clarity are among the best audio
    /// predictors of rated activity (Eerola, Lartillot &amp; Toiviainen 2009; Yang et al. 2008). The speed of the music
    /// is carried mostly by the onset rate and only a little by the tempo estimate: autocorrelation tempo estimates fail
    /// mostly by octave errors (half or double tempo; Gouyon et al. 2006), and one such error is ~3 reference standard
    /// deviations of log-tempo (measured: a real track sped up 1.3× read as half its tempo).
    /// </summary>
    public static IReadOnlyList<(AffectCue Cue, double Weight)> ArousalWeights { get; } =
    [
        (AffectCue.Loudness, 0.25),
        (AffectCue.Flux, 0.20),
        (AffectCue.OnsetRate, 0.25),
        (AffectCue.Brightness, 0.15),
        (AffectCue.BeatStrength, 0.10),
        (AffectCue.Tempo, 0.05),
    ];

    /// <summary>
    /// Valence weights. Major mode is the strongest structural cue of positive valence (Hevner 1935; Gabrielsson &amp;
    /// Lindström 2010) and the best audio predictor of rated valence in Eerola et al. 2009, with key clarity next;
    /// fast tempo and bright timbre go with happiness, slow tempo and dull timbre with sadness (Juslin &amp; Laukka 2003);
    /// speed is split between onset rate and tempo for the reason given at <see cref="ArousalWeights"/>.
    /// </summary>
    public static IReadOnlyList<(AffectCue Cue, double Weight)> ValenceWeights { get; } =
    [
        (AffectCue.Majorness, 0.45),
        (AffectCue.KeyClarity, 0.15),
        (AffectCue.Brightness, 0.20),
        (AffectCue.OnsetRate, 0.10),
        (AffectCue.Tempo, 0.10),
    ];

    /// <summary>The default model.</summary>
    public static ValenceArousalModel Default { get; } = new();

    private readonly ReferenceStatistics _reference = reference ?? ReferenceStatistics.Default;

    /// <summary>The calibration in use.</summary>
    public ReferenceStatistics Reference => _reference;

    /// <summary>The track's point in the valence–arousal plane.</summary>
    public AffectPoint Estimate(TrackFeatures features)
    {
        var (valence, arousal) = RawSums(features, _reference);
        return new AffectPoint(Math.Tanh(valence / _reference.ValenceScale), Math.Tanh(arousal / _reference.ArousalScale));
    }

    /// <summary>The weighted sums of standardised cues before squashing (what calibration spreads to unit scale).</summary>
    public static (double Valence, double Arousal) RawSums(TrackFeatures features, ReferenceStatistics reference)
    {
        ArgumentNullException.ThrowIfNull(features);
        double valence = 0, arousal = 0;
        foreach (var (cue, weight) in ValenceWeights) valence += weight * reference.Standardise(cue.Name, cue.Read(features));
        foreach (var (cue, weight) in ArousalWeights) arousal += weight * reference.Standardise(cue.Name, cue.Read(features));
        return (valence, arousal);
    }
}
