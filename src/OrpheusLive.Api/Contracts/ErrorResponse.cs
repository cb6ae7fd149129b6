namespace OrpheusLive.Api.Contracts;

/// <summary>The body of every error answer: <c>{"error":"…"}</c>, in plain words.</summary>
/// <param name="Error">What went wrong and, where possible, how to fix it.</param>
public sealed record ErrorResponse(string Error);
