using System.Buffers;
using System.Text.Json;
using OrpheusLive.Api.Scans;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Live;

/// <summary>Helpers over <see cref="PipelineEventJsonWriter"/>: the SSE event name and the JSON as bytes or an element.</summary>
public static class EventJson
{
    /// <summary>The SSE <c>event:</c> name of <paramref name="pipelineEvent"/>: window, decision, status or library-scan.</summary>
    public static string EventName(PipelineEvent pipelineEvent) => pipelineEvent switch
    {
        WindowEvent => "window",
        DecisionEvent => "decision",
        StatusEvent => "status",
        LibraryScanEvent => LibraryScanEvent.Name,
        _ => "message",
    };

    /// <summary>Writes the event's JSON into <paramref name="buffer"/> (cleared first).</summary>
    public static ReadOnlyMemory<byte> Format(PipelineEventJsonWriter write, PipelineEvent pipelineEvent, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (pipelineEvent is LibraryScanEvent scan)
            {
                JsonSerializer.Serialize(json, scan.Scan, LibraryScanEvent.Json);
            }
            else
            {
                write(json, pipelineEvent);
            }
        }

        return buffer.WrittenMemory;
    }

    /// <summary>The event's JSON as a detached element (to embed in another response).</summary>
    public static JsonElement ToElement(PipelineEventJsonWriter write, PipelineEvent pipelineEvent)
    {
        var bytes = Format(write, pipelineEvent, new ArrayBufferWriter<byte>(512));
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }
}
