namespace OrpheusLive.Core.Moods;

/// <summary>
/// A point in the valence–arousal plane of Russell's circumplex model of affect: <see cref="Valence"/> from −1
/// (unpleasant) to +1 (pleasant), <see cref="Arousal"/> from −1 (calm, sleepy) to +1 (activated, excited).
/// </summary>
/// <param name="Valence">Pleasantness in [-1, 1].</param>
/// <param name="Arousal">Activation in [-1, 1].</param>
public readonly record struct AffectPoint(double Valence, double Arousal)
{
    /// <summary>Euclidean distance to <paramref name="other"/> (0 … 2√2).</summary>
    public double DistanceTo(AffectPoint other)
    {
        var dv = Valence - other.Valence;
        var da = Arousal - other.Arousal;
        return Math.Sqrt(dv * dv + da * da);
    }

    /// <summary>This point with both coordinates clamped to [-1, 1].</summary>
    public AffectPoint Clamped() => new(Math.Clamp(Valence, -1, 1), Math.Clamp(Arousal, -1, 1));

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"(v {Valence:0.00}, a {Arousal:0.00})");
}
