using System.Text.Json;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Scans;

/// <summary>
/// A library scan's progress or end on the event stream (<c>event: library-scan</c>, the data is the
/// <see cref="LibraryScanResponse"/> of <c>GET /api/library/scan</c>). Not a pipeline event: it only travels through the
/// <see cref="Live.LiveFeed"/> so it is numbered and replayed like the others; <see cref="PipelineEvent.T"/> is 0.
/// </summary>
/// <param name="Scan">The scan as it is now.</param>
public sealed record LibraryScanEvent(LibraryScanResponse Scan) : PipelineEvent(0)
{
    /// <summary>The SSE event name.</summary>
    public const string Name = "library-scan";

    /// <summary>The API's JSON naming (snake_case), for the event's data.</summary>
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
