using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Live;

namespace OrpheusLive.Api.Endpoints;

/// <summary><c>GET /api/state</c>: what the live pipeline knows right now.</summary>
public static class StateEndpoints
{
    /// <summary>Maps the endpoint onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapStateEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/state", GetState).WithName("GetState");
        return api;
    }

    /// <summary>The live state, or the "not listening" state when the server runs without <c>--listen</c>.</summary>
    public static Ok<StateResponse> GetState(LiveFeed feed, PipelineEventJsonWriter eventJson)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(eventJson);
        if (feed.Pipeline is not { } pipeline)
        {
            return TypedResults.Ok(new StateResponse("none", false, null, null, null, 0, null, null, null, []));
        }

        var snapshot = pipeline.Snapshot;
        var player = pipeline.Player;
        var playing = snapshot.Playing is { } now
            ? new PlayingResponse(player.Name, now.Mood, now.Target, now.Title, now.Device, now.IsPaused)
            : null;
        return TypedResults.Ok(new StateResponse(
            "live",
            snapshot.Listening,
            snapshot.Input,
            snapshot.Emotion,
            snapshot.Mood,
            Math.Round(snapshot.Confidence, 4),
            player.Name,
            playing,
            snapshot.LastWindow is { } window ? EventJson.ToElement(eventJson, window) : null,
            snapshot.Warnings));
    }
}
