namespace OrpheusLive.Api.Tests.Support;

/// <summary>One Server-Sent Events message, or a comment (<see cref="Comment"/> set, the rest null).</summary>
internal sealed record SseMessage(long? Id, string? Event, string? Data, string? Comment);
