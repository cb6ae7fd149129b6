using System.Text.Json;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api;

/// <summary>
/// Writes one pipeline event as one compact JSON object: the app passes the writer behind <c>listen --json</c>, so the
/// event stream and <c>listen --json</c> print exactly the same objects.
/// </summary>
public delegate void PipelineEventJsonWriter(Utf8JsonWriter json, PipelineEvent pipelineEvent);
