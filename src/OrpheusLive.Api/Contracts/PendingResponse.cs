namespace OrpheusLive.Api.Contracts;

/// <summary>A change held back by the debouncer's hold or the minimum dwell.</summary>
/// <param name="Emotion">The emotion that wants the change.</param>
/// <param name="Mood">The mood it would bring, when mapped.</param>
/// <param name="HoldRemainingS">Audio seconds it must still lead before it is accepted.</param>
/// <param name="DwellRemainingS">Audio seconds until the current music may change.</param>
public sealed record PendingResponse(string Emotion, string? Mood, double HoldRemainingS, double DwellRemainingS);
