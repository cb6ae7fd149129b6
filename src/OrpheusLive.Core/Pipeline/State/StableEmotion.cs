namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The emotion the debouncer has accepted.</summary>
/// <param name="Label">The emotion ("happy").</param>
/// <param name="Confidence">Its smoothed belief, 0–1.</param>
/// <param name="Since">Audio time at which it was accepted, in seconds.</param>
public sealed record StableEmotion(string Label, float Confidence, double Since);
