namespace OrpheusLive.Core.Pipeline;

/// <summary>A condition the user should know about ("no microphone", "not logged in to Spotify", "recovered").</summary>
/// <param name="T">Audio time, in seconds.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">Plain-words message for the user.</param>
/// <param name="Resolves">For an <see cref="StatusSeverity.Info"/> event that ends a problem: the earlier warning it clears.</param>
public sealed record StatusEvent(double T, StatusSeverity Severity, string Message, string? Resolves = null) : PipelineEvent(T);
