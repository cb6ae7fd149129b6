namespace OrpheusLive.Core.Moods;

/// <summary>
/// How music for a mood is aimed in the valence–arousal plane (a mood's <c>"policy"</c> in <c>moods.json</c>). The
/// default, when a mood sets none, is <see cref="Lift"/> for the moods the sad or fearful listener is mapped to and
/// <see cref="Match"/> for every other (see <see cref="MoodMap.PolicyFor"/>).
/// </summary>
public enum MoodPolicy
{
    /// <summary>Play the mood's tracks nearest to where the listener sounds (empathic: meet the listener).</summary>
    Match,

    /// <summary>
    /// Play the mood's tracks nearest to a point moved from the listener toward positive valence by
    /// <see cref="MoodAim.LiftStep"/>, so successive changes climb (a sad listener: comforting first, then, as the
    /// listener brightens, toward upbeat) instead of mirroring the low mood.
    /// </summary>
    Lift,
}
