namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The user dismissed a warning (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time.</param>
/// <param name="Id">The warning's id.</param>
public sealed record WarningDismissed(double T, string Id) : PipelineEvent(T);
