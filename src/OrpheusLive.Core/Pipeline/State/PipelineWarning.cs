namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// An active warning or error. Identified by <see cref="Id"/> (see <see cref="WarningIds"/>), never by its text: a
/// later status event with the same id replaces it, an event that resolves the id removes it, and a user dismisses it
/// by id.
/// </summary>
/// <param name="Id">Stable identifier ("microphone.lost").</param>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">One plain-words line that says what happened and what to do.</param>
/// <param name="T">Audio time at which it was (last) reported.</param>
public sealed record PipelineWarning(string Id, StatusSeverity Severity, string Message, double T);
