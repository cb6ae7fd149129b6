namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// A condition the user should know about ("no microphone", "the player failed", "the microphone is back"). Identified
/// by <see cref="Id"/> (see <see cref="State.WarningIds"/>), never by its text: a warning or error with an id replaces
/// the earlier one with that id in <see cref="State.PipelineState.Warnings"/>, and an event whose <see cref="Resolves"/>
/// names an id removes that warning.
/// </summary>
/// <param name="T">Audio time, in seconds.</param>
/// <param name="Id">What the condition is ("microphone.lost"); a recovery usually carries the id of what it resolves.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">Plain-words message for the user.</param>
/// <param name="Resolves">The id of an earlier warning this event ends, or null.</param>
public sealed record StatusEvent(double T, string Id, StatusSeverity Severity, string Message, string? Resolves = null) : PipelineEvent(T);
