using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Api.Endpoints;

/// <summary><c>GET /api/moods</c> (the mapping) and <c>PUT /api/moods/{emotion}</c> (change one emotion's mood).</summary>
public static class MoodEndpoints
{
    private const int MaxEditBytes = 64 * 1024;

    /// <summary>Maps the endpoints onto the <c>/api</c> group.</summary>
    public static RouteGroupBuilder MapMoodEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/moods", GetMoods).WithName("GetMoods");
        api.MapPut("/moods/{emotion}", UpdateMoodAsync).WithName("UpdateMood");
        return api;
    }

    /// <summary>The mapping in the mapping file's format: <c>{"emotions":{…},"moods":{"chill":{"targets":[…],"shuffle":true}}}</c>.</summary>
    public static FileContentHttpResult GetMoods(IMoodMapStore moods)
    {
        ArgumentNullException.ThrowIfNull(moods);
        return TypedResults.Bytes(MoodMapSerializer.Serialize(moods.Current), "application/json");
    }

    /// <summary>Maps one emotion to a mood, optionally setting that mood's music; saved atomically.</summary>
    public static async Task<Results<Ok<MoodUpdateResponse>, JsonHttpResult<ErrorResponse>>> UpdateMoodAsync(
        string emotion,
        HttpRequest request,
        MoodMapEditor editor,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(json);
        if (request.ContentLength > MaxEditBytes)
        {
            return ApiErrors.Create(StatusCodes.Status413PayloadTooLarge, $"A mood edit must be smaller than {MaxEditBytes} bytes.");
        }

        MoodUpdateRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<MoodUpdateRequest>(request.Body, json.Value.SerializerOptions, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiErrors.Create(StatusCodes.Status400BadRequest,
                $"The body must be JSON like {{\"mood\":\"chill\",\"targets\":[\"spotify:playlist:…\"],\"shuffle\":true}}: {e.Message.Split(" Path:")[0]}");
        }

        if (body is null)
        {
            return ApiErrors.Create(StatusCodes.Status400BadRequest, "The body must be a JSON object like {\"mood\":\"chill\"}.");
        }

        var result = await editor.UpdateAsync(emotion, body, cancellationToken).ConfigureAwait(false);
        return result.Saved is { } saved
            ? TypedResults.Ok(saved)
            : ApiErrors.Create(result.StatusCode, result.Error ?? "The mapping could not be changed.");
    }
}
