namespace OrpheusLive.Api.Contracts;

/// <summary>The body of <c>POST /api/library/scan</c>: <c>{"folders":["/music",…]}</c>.</summary>
/// <param name="Folders">Folders to walk recursively; at least one, each must exist.</param>
public sealed record LibraryScanRequest(IReadOnlyList<string?>? Folders);
