using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Live;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Endpoints;

/// <summary><c>GET /api/state</c>: the live pipeline's one state, as the dashboard and media keys see it.</summary>
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

        return TypedResults.Ok(ToResponse(pipeline.Current, eventJson));
    }

    /// <summary><paramref name="state"/> in the API's shape.</summary>
    public static StateResponse ToResponse(PipelineState state, PipelineEventJsonWriter eventJson)
    {
        ArgumentNullException.ThrowIfNull(state);
        var playback = state.Playback;
        var playing = playback.Playing is { } now
            ? new PlayingResponse(playback.Player, now.Mood, now.Target, now.Title, now.Device, now.IsPaused)
            : null;
        return new StateResponse(
            "live",
            state.Status == PipelineStatus.Listening,
            state.Input,
            state.Emotion?.Label,
            state.Mood,
            Math.Round(Finite(state.Emotion?.Confidence ?? 0), 4),
            playback.Player,
            playing,
            state.LastWindow is { } window ? EventJson.ToElement(eventJson, window) : null,
            [.. state.Warnings.Select(w => w.Message)])
        {
            Status = state.Status.ToString().ToLowerInvariant(),
            Error = state.Error,
            T = Math.Round(state.T, 3),
            MoodByUser = state.MoodByUser,
            Belief = state.Belief.ToDictionary(b => b.Key, b => Math.Round(Finite(b.Value), 4)),
            Pending = state.Pending is { } p
                ? new PendingResponse(p.Emotion, p.Mood, Math.Round(p.HoldRemainingSeconds, 2), Math.Round(p.DwellRemainingSeconds, 2))
                : null,
            Affect = state.Affect is { } a ? new AffectResponse(Math.Round(a.Valence, 4), Math.Round(a.Arousal, 4)) : null,
            Latency = new LatencyResponse(state.Latency.Windows, Math.Round(state.Latency.P50Ms, 2), Math.Round(state.Latency.P95Ms, 2)),
            Timeline = [.. state.Timeline.Select(d => EventJson.ToElement(eventJson, d))],
            Calibration = state.Calibration is { } calibration ? CalibrationResponse.From(calibration) : null,
            WarningDetails = [.. state.Warnings.Select(w => new WarningResponse(w.Id, w.Severity.ToString().ToLowerInvariant(), w.Message, Math.Round(w.T, 3)))],
        };
    }

    // A NaN from a broken model becomes 0 rather than a JSON writer failure.
    private static double Finite(float value) => float.IsFinite(value) ? value : 0;
}
