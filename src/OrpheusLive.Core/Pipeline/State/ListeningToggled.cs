namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The user paused or resumed listening (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time.</param>
/// <param name="Paused">True when listening is now paused.</param>
public sealed record ListeningToggled(double T, bool Paused) : PipelineEvent(T);
