namespace OrpheusLive.Core.Moods;

/// <summary>Where in the valence–arousal plane the music for a mood is aimed, from the mood's policy and the listener's point.</summary>
public static class MoodAim
{
    /// <summary>
    /// How far <see cref="MoodPolicy.Lift"/> moves the aim toward positive valence (0.5: a sad listener at
    /// (−0.70, −0.40) is aimed at (−0.20, −0.40), between sad and comforting; a neutral one at (0.50, 0), upbeat–chill).
    /// Our choice, not fitted: half the valence axis is a clear but not a jarring step (music therapy's iso principle:
    /// start near the listener's state, then move; Heiderscheit &amp; Madson 2015).
    /// </summary>
    public const double LiftStep = 0.5;

    /// <summary>
    /// The aim: the listener's point under <see cref="MoodPolicy.Match"/>, moved by <see cref="LiftStep"/> toward
    /// positive valence under <see cref="MoodPolicy.Lift"/> (clipped to 1). Null when the listener's point is unknown
    /// (the player then uses the mood's own point).
    /// </summary>
    public static AffectPoint? For(MoodPolicy policy, AffectPoint? listener) => listener is not { } p
        ? null
        : policy == MoodPolicy.Lift ? new AffectPoint(Math.Min(1, p.Valence + LiftStep), p.Arousal) : p;
}
