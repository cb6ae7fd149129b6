using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Live;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events of the live pipeline. Each event is
/// <c>id: N</c>, <c>event: window|decision|status|library-scan</c>, <c>data: {the listen --json object}</c>; a comment line every
/// <see cref="ApiOptions.HeartbeatSeconds"/> keeps idle connections open. A client that reconnects with
/// <c>Last-Event-ID</c> (or <c>?lastEventId=N</c>) first gets the buffered events it missed.
/// </summary>
public static class EventStreamEndpoints
{
    /// <summary>The SSE media type.</summary>
    public const string ContentType = "text/event-stream";

    private static readonly byte[] EventTerminator = "\n\n"u8.ToArray();

    /// <summary>Maps the endpoint onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapEventStreamEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/events", StreamEventsAsync).WithName("StreamEvents");
        return api;
    }

    /// <summary>Streams events until the client disconnects, the pipeline ends its stream, or the server stops.</summary>
    public static async Task StreamEventsAsync(
        HttpContext context,
        LiveFeed feed,
        PipelineEventJsonWriter eventJson,
        IOptions<ApiOptions> options,
        IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(eventJson);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (feed.Pipeline is null)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict,
                "The server is not listening, so there are no live events; start it with 'orpheus serve --listen'.").ConfigureAwait(false);
            return;
        }

        using var subscription = feed.Subscribe(LastEventId(context.Request));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not hold events back
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var heartbeat = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            await WriteCommentAsync(response, "connected", stop.Token).ConfigureAwait(false);
            foreach (var missed in subscription.Backlog)
            {
                await WriteEventAsync(response, missed, eventJson, buffer, stop.Token).ConfigureAwait(false);
            }

            await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            var live = subscription.Live;
            while (true)
            {
                bool more;
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                {
                    wait.CancelAfter(heartbeat);
                    try
                    {
                        more = await live.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                        await WriteCommentAsync(response, "heartbeat", stop.Token).ConfigureAwait(false);
                        continue;
                    }
                }

                if (!more)
                {
                    return; // the pipeline ended its stream
                }

                while (live.TryRead(out var next))
                {
                    await WriteEventAsync(response, next, eventJson, buffer, stop.Token).ConfigureAwait(false);
                }

                await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the server is stopping: a normal end of a stream.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private static long? LastEventId(HttpRequest request)
    {
        var text = request.Headers["Last-Event-ID"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            text = request.Query["lastEventId"].ToString();
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static async Task WriteCommentAsync(HttpResponse response, string comment, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": {comment}\n\n"), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteEventAsync(
        HttpResponse response, SequencedEvent sequenced, PipelineEventJsonWriter eventJson, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> json;
        try
        {
            json = EventJson.Format(eventJson, sequenced.Event, buffer);
        }
        catch (ArgumentException)
        {
            // A value JSON cannot carry (NaN from a broken model): skip this event, keep the stream alive.
            await WriteCommentAsync(response, $"event {sequenced.Id} skipped: not representable as JSON", cancellationToken).ConfigureAwait(false);
            return;
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"id: {sequenced.Id}\nevent: {EventJson.EventName(sequenced.Event)}\ndata: ");
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(header), cancellationToken).ConfigureAwait(false);

        // The JSON is compact (one line), so it fits one data: field.
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(EventTerminator, cancellationToken).ConfigureAwait(false);
    }
}
