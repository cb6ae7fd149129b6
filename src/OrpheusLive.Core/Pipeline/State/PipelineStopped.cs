namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The pipeline stopped: its input ended, or it failed (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time.</param>
/// <param name="Status"><see cref="PipelineStatus.Ended"/> or <see cref="PipelineStatus.Failed"/>.</param>
/// <param name="Error">Why it failed, in plain words, or null.</param>
public sealed record PipelineStopped(double T, PipelineStatus Status, string? Error) : PipelineEvent(T);
