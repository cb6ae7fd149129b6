using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Emotion;

/// <summary>Fits <see cref="ReferenceStatistics"/> to the features of a reference set of real music.</summary>
public static class ReferenceCalibration
{
    /// <summary>Cue means and standard deviations over <paramref name="tracks"/>, then the spread of the weighted sums.</summary>
    /// <exception cref="ArgumentException">Fewer than 10 tracks (too few to standardise against).</exception>
    public static ReferenceStatistics Fit(IReadOnlyList<TrackFeatures> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Count < 10) throw new ArgumentException($"Calibration needs at least 10 reference tracks; got {tracks.Count}.", nameof(tracks));
        var cues = new Dictionary<string, (double Mean, double Std)>();
        foreach (var cue in AffectCue.All)
        {
            var stats = new RunningStats();
            foreach (var t in tracks) stats.Add(cue.Read(t));
            cues[cue.Name] = (Round(stats.Mean), Round(Math.Max(stats.StdDev, 1e-6)));
        }
        var unit = new ReferenceStatistics(cues, 1, 1, tracks.Count);
        RunningStats valence = new(), arousal = new();
        foreach (var t in tracks)
        {
            var (v, a) = ValenceArousalModel.RawSums(t, unit);
            valence.Add(v);
            arousal.Add(a);
        }
        return unit with { ArousalScale = Round(Math.Max(arousal.StdDev, 1e-3)), ValenceScale = Round(Math.Max(valence.StdDev, 1e-3)) };
    }

    private static double Round(double x) => Math.Round(x, 4);
}
