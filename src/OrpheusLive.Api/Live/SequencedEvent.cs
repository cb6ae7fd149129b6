using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Live;

/// <summary>A pipeline event with its position in the feed (the SSE <c>id</c>).</summary>
/// <param name="Id">1-based, increasing.</param>
/// <param name="Event">The event.</param>
public sealed record SequencedEvent(long Id, PipelineEvent Event);
