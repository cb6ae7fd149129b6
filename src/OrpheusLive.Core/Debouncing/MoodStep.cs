using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Debouncing;

/// <summary>What the mood decision made of one debounced state.</summary>
/// <param name="State">The debounced state.</param>
/// <param name="Decision">The music change it brought, or null.</param>
/// <param name="Pending">A change that is wanted but held back (by the debouncer's hold or the minimum dwell), with the audio time left, or null.</param>
public sealed record MoodStep(EmotionState State, MoodDecision? Decision, PendingChange? Pending);
