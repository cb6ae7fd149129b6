namespace OrpheusLive.Api.Contracts;

/// <summary>An active warning or error.</summary>
/// <param name="Id">Stable id ("microphone.lost"); clients match on it, never on the text.</param>
/// <param name="Level">"warning" or "error".</param>
/// <param name="Message">One plain-words line.</param>
/// <param name="T">Audio time at which it was (last) reported.</param>
public sealed record WarningResponse(string Id, string Level, string Message, double T);
