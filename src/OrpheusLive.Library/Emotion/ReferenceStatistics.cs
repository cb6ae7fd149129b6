using System.Globalization;
using System.Text;

namespace OrpheusLive.Library.Emotion;

/// <summary>
/// The calibration of the valence–arousal model: the mean and standard deviation of each <see cref="AffectCue"/> over a
/// reference set of real music, and the spread of the two weighted sums, so that a cue is read as "how far above or
/// below typical music" and a track one standard deviation out lands at ±0.76 (tanh 1).
/// </summary>
/// <param name="Cues">Cue name → (mean, standard deviation) over the reference set.</param>
/// <param name="ArousalScale">Standard deviation of the arousal sum over the reference set.</param>
/// <param name="ValenceScale">Standard deviation of the valence sum over the reference set.</param>
/// <param name="Tracks">How many reference tracks the numbers come from.</param>
public sealed record ReferenceStatistics(IReadOnlyDictionary<string, (double Mean, double Std)> Cues, double ArousalScale, double ValenceScale, int Tracks)
{
    /// <summary>
    /// Calibrated on 42 real music tracks of Debian's <c>freedroidrpg-data</c> (16, <c>data/sound/music</c>) and
    /// <c>hedgewars-data</c> (26, <c>Data/Music</c>) — game soundtracks from ambient to rock, GPL/CC licensed — with
    /// analyser version 1, by <c>dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- calibrate DIR…</c>
    /// (which prints this initialiser). Never tuned on the acceptance sets (<c>wesnoth-*-music</c>, <c>planetblupi-music-*</c>).
    /// </summary>
    public static ReferenceStatistics Default { get; } = new(new Dictionary<string, (double, double)>
    {
        ["loudness_lufs"] = (-18.5187, 3.2533),
        ["flux_mean"] = (0.0054, 0.0017),
        ["log2_tempo"] = (6.8131, 0.3569),
        ["onset_rate"] = (3.494, 0.7),
        ["log2_centroid"] = (10.7335, 0.4583),
        ["beat_strength"] = (0.6209, 0.1148),
        ["majorness"] = (0.0267, 0.1322),
        ["key_clarity"] = (0.5898, 0.1466),
    }, ArousalScale: 0.5862, ValenceScale: 0.5641, Tracks: 42);

    /// <summary>The z-score of <paramref name="value"/> for cue <paramref name="name"/>, clipped to ±3.</summary>
    public double Standardise(string name, double value)
    {
        if (!Cues.TryGetValue(name, out var s)) throw new KeyNotFoundException($"The reference statistics have no cue '{name}'.");
        return s.Std <= 0 ? 0 : Math.Clamp((value - s.Mean) / s.Std, -3, 3);
    }

    /// <summary>This calibration as the C# initialiser of <see cref="Default"/> (what the calibration tool prints).</summary>
    public string ToCSharp()
    {
        var b = new StringBuilder("new(new Dictionary<string, (double, double)>\n{\n");
        foreach (var (name, (mean, std)) in Cues)
            b.Append(CultureInfo.InvariantCulture, $"    [\"{name}\"] = ({mean:R}, {std:R}),\n");
        b.Append(CultureInfo.InvariantCulture, $"}}, ArousalScale: {ArousalScale:R}, ValenceScale: {ValenceScale:R}, Tracks: {Tracks});");
        return b.ToString();
    }
}
