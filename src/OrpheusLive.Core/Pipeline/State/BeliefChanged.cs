namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The debouncer and mood decision after a speech window (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time of the window.</param>
/// <param name="Emotion">The stable emotion, or null while none is accepted.</param>
/// <param name="Belief">The smoothed belief per label, in model order.</param>
/// <param name="Pending">A change held back, with the time left, or null.</param>
public sealed record BeliefChanged(double T, StableEmotion? Emotion, IReadOnlyList<KeyValuePair<string, float>> Belief, PendingChange? Pending)
    : PipelineEvent(T);
