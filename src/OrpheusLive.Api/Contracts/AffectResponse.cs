namespace OrpheusLive.Api.Contracts;

/// <summary>Where the listener sounds in the valence–arousal plane, both in [-1, 1].</summary>
/// <param name="Valence">Unpleasant (−1) to pleasant (+1).</param>
/// <param name="Arousal">Calm (−1) to excited (+1).</param>
public sealed record AffectResponse(double Valence, double Arousal);
