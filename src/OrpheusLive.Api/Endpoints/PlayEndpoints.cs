using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Live;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// <c>POST /api/play {"mood":"chill"}</c>: "play this mood now", the user's choice, through the live pipeline's one
/// control (<see cref="IPipelineControl.PlayMoodAsync"/>), exactly as Enter in the dashboard's library view. 202 with
/// the mood and target (Location <c>/api/state</c>, which then says <c>mood_by_user: true</c>); 400 naming the field;
/// 404 for a mood the mapping does not know (the message lists the moods); 409 when the server does not listen (or
/// listening has ended); 502 when the player started nothing (the message says why).
/// </summary>
public static class PlayEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = "send {\"mood\":\"chill\"} with a mood of GET /api/moods";

    /// <summary>Maps the endpoint onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapPlayEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/play", PlayAsync).WithName("PlayMood");
        return api;
    }

    /// <summary>Validates the body and plays the mood.</summary>
    public static async Task<Results<Accepted<PlayMoodResponse>, JsonHttpResult<ErrorResponse>>> PlayAsync(HttpContext context, LiveFeed feed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(feed);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return ApiErrors.Create(StatusCodes.Status413PayloadTooLarge, $"A play request must be smaller than {MaxBodyBytes} bytes; {Shape}.");
        }

        var (read, request) = await JsonBody.TryReadAsync<PlayMoodRequest>(context).ConfigureAwait(false);
        if (!read)
        {
            return BadRequest($"The body is not a JSON object with 'mood' (Content-Type application/json); {Shape}.");
        }

        if (request?.Mood is not { } mood || string.IsNullOrWhiteSpace(mood))
        {
            return BadRequest($"'mood' is missing or empty; {Shape}.");
        }

        if (feed.Pipeline is not { } pipeline)
        {
            return ApiErrors.Create(StatusCodes.Status409Conflict, "This server does not listen, so nothing plays; start it with 'orpheus serve --listen'.");
        }

        var result = await pipeline.PlayMoodAsync(mood, context.RequestAborted).ConfigureAwait(false);
        return result.Status switch
        {
            MoodRequestStatus.Playing => TypedResults.Accepted("/api/state", new PlayMoodResponse(result.Mood, result.Target, result.Message)),
            MoodRequestStatus.UnknownMood => ApiErrors.Create(StatusCodes.Status404NotFound, $"'mood': {result.Message}"),
            MoodRequestStatus.NotRunning => ApiErrors.Create(StatusCodes.Status409Conflict, result.Message),
            _ => ApiErrors.Create(StatusCodes.Status502BadGateway, result.Message),
        };
    }

    private static JsonHttpResult<ErrorResponse> BadRequest(string message) => ApiErrors.Create(StatusCodes.Status400BadRequest, message);
}
