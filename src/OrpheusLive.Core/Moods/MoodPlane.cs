namespace OrpheusLive.Core.Moods;

/// <summary>
/// Where each mood of the app (and each emotion the listener model hears) sits in the valence–arousal plane, so that
/// music and listener meet in one space: a track's mood is the mood whose point is nearest to the track's
/// (valence, arousal); a player picks the tracks nearest to a mood's point first; the listener's emotion
/// probabilities map to a point through <see cref="EmotionPoints"/>. Pure and immutable.
/// </summary>
/// <remarks>
/// The default points are placed by the angles of the affect words in Russell's circumplex (Russell 1980, "A
/// circumplex model of affect", J. Pers. Soc. Psychol. 39(6); Posner, Russell &amp; Peterson 2005) and by what each mood
/// is for in the mapping; they are our choice, rounded to 0.05, not fitted to data (no music-emotion data set is
/// reachable here). See <c>src/OrpheusLive.Library/README.md</c> for the reasoning per mood.
/// </remarks>
public sealed class MoodPlane
{
    /// <summary>The default points of the moods of <c>config/moods.json</c>.</summary>
    public static IReadOnlyDictionary<string, AffectPoint> DefaultMoodPoints { get; } = new Dictionary<string, AffectPoint>(StringComparer.OrdinalIgnoreCase)
    {
        // relaxed, content, easy-going: pleasant and calm (Russell: "relaxed", "content", "serene")
        ["chill"] = new(0.45, -0.45),
        // tender, soothing, warm: mildly pleasant and very calm; lies between "sad" and "chill", so music picked for a
        // sad listener starts close to where the listener is (Russell: "calm", "at ease"; GEMS "tenderness")
        ["comforting"] = new(0.10, -0.65),
        // happy, glad, cheerful: clearly pleasant, moderately active (Russell: "happy", "glad", "pleased")
        ["upbeat"] = new(0.75, 0.30),
        // excited, thrilling: pleasant and highly active (Russell: "excited", "astonished", "delighted")
        ["exciting"] = new(0.45, 0.75),
        // powerful, driving, intense: highly active with neutral-to-tense valence, the music for an angry listener
        // (Russell: "aroused", "tense", "alarmed" side of the activation axis)
        ["energetic"] = new(-0.15, 0.80),
    };

    /// <summary>
    /// The default points of the listener model's emotions (the labels of the speech-emotion model), by the circumplex
    /// angles of the same words (Russell 1980).
    /// </summary>
    public static IReadOnlyDictionary<string, AffectPoint> DefaultEmotionPoints { get; } = new Dictionary<string, AffectPoint>(StringComparer.OrdinalIgnoreCase)
    {
        ["neutral"] = new(0.00, 0.00),
        ["calm"] = new(0.40, -0.60),
        ["happy"] = new(0.80, 0.35),
        ["sad"] = new(-0.70, -0.40),
        ["angry"] = new(-0.60, 0.70),
        ["fearful"] = new(-0.60, 0.60),
        ["disgust"] = new(-0.70, 0.25),
        ["surprised"] = new(0.30, 0.80),
    };

    /// <summary>The plane with the default points.</summary>
    public static MoodPlane Default { get; } = new(DefaultMoodPoints, DefaultEmotionPoints);

    private readonly Dictionary<string, AffectPoint> _moods;
    private readonly Dictionary<string, AffectPoint> _emotions;

    /// <summary>Creates a plane from mood and emotion points (coordinates must lie in [-1, 1]).</summary>
    public MoodPlane(IReadOnlyDictionary<string, AffectPoint> moodPoints, IReadOnlyDictionary<string, AffectPoint>? emotionPoints = null)
    {
        ArgumentNullException.ThrowIfNull(moodPoints);
        if (moodPoints.Count == 0) throw new ArgumentException("A mood plane needs at least one mood point.", nameof(moodPoints));
        _moods = Validated(moodPoints, "mood");
        _emotions = Validated(emotionPoints ?? DefaultEmotionPoints, "emotion");
    }

    /// <summary>Moods with a point, in a stable (ordinal) order.</summary>
    public IReadOnlyList<string> Moods => [.. _moods.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Mood → point.</summary>
    public IReadOnlyDictionary<string, AffectPoint> MoodPoints => _moods;

    /// <summary>Emotion label → point.</summary>
    public IReadOnlyDictionary<string, AffectPoint> EmotionPoints => _emotions;

    /// <summary>The point of <paramref name="mood"/>, or null when the mood has none.</summary>
    public AffectPoint? PointOf(string mood) => _moods.TryGetValue(mood, out var p) ? p : null;

    /// <summary>
    /// The mood whose point is nearest to <paramref name="point"/>, among <paramref name="candidates"/> (the moods of the
    /// user's mapping; every mood with a point when null). Ties go to the ordinally first name, so the answer is
    /// deterministic. Null when no candidate has a point.
    /// </summary>
    public string? NearestMood(AffectPoint point, IEnumerable<string>? candidates = null)
    {
        string? best = null;
        var bestDistance = double.MaxValue;
        foreach (var mood in (candidates ?? _moods.Keys).Order(StringComparer.Ordinal))
        {
            if (!_moods.TryGetValue(mood, out var p)) continue;
            var d = p.DistanceTo(point);
            if (d < bestDistance - 1e-12)
            {
                best = mood;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary>
    /// The listener's point from the model's emotion probabilities: the probability-weighted mean of the emotions'
    /// points (labels without a point are ignored; the weights are renormalised). Null when no label has a point.
    /// </summary>
    public AffectPoint? FromEmotionScores(IReadOnlyDictionary<string, double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double v = 0, a = 0, total = 0;
        foreach (var (label, probability) in scores)
        {
            if (probability <= 0 || !_emotions.TryGetValue(label, out var p)) continue;
            v += probability * p.Valence;
            a += probability * p.Arousal;
            total += probability;
        }
        return total > 0 ? new AffectPoint(v / total, a / total) : null;
    }

    /// <summary>
    /// The points of <paramref name="labels"/> (a model's labels, in its order), null for a label without a point: the
    /// table <see cref="FromProbabilities"/> reads, built once per model.
    /// </summary>
    public AffectPoint?[] EmotionPointTable(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return [.. labels.Select(l => _emotions.TryGetValue(l, out var p) ? p : (AffectPoint?)null)];
    }

    /// <summary>
    /// <see cref="FromEmotionScores"/> over probabilities in model order without allocating (the per-window path):
    /// the probability-weighted mean of <paramref name="table"/>'s points, labels without a point ignored. Null when no
    /// label with a point has a positive probability.
    /// </summary>
    public static AffectPoint? FromProbabilities(ReadOnlySpan<float> probabilities, AffectPoint?[] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        double v = 0, a = 0, total = 0;
        for (var i = 0; i < probabilities.Length && i < table.Length; i++)
        {
            if (probabilities[i] <= 0 || table[i] is not { } p) continue;
            v += probabilities[i] * p.Valence;
            a += probabilities[i] * p.Arousal;
            total += probabilities[i];
        }
        return total > 0 ? new AffectPoint(v / total, a / total) : null;
    }

    private static Dictionary<string, AffectPoint> Validated(IReadOnlyDictionary<string, AffectPoint> points, string what)
    {
        var copy = new Dictionary<string, AffectPoint>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, p) in points)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException($"A {what} point needs a name.", nameof(points));
            if (!double.IsFinite(p.Valence) || !double.IsFinite(p.Arousal) || Math.Abs(p.Valence) > 1 || Math.Abs(p.Arousal) > 1)
                throw new ArgumentException($"The {what} point of '{name}' is {p}; valence and arousal must lie in [-1, 1].", nameof(points));
            copy[name] = p;
        }
        return copy;
    }
}
