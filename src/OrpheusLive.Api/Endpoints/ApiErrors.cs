using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrpheusLive.Api.Contracts;

namespace OrpheusLive.Api.Endpoints;

/// <summary>The one error shape of the API: <c>{"error":"…"}</c> with a status code.</summary>
public static class ApiErrors
{
    /// <summary>An error answer.</summary>
    public static JsonHttpResult<ErrorResponse> Create(int statusCode, string message) =>
        TypedResults.Json(new ErrorResponse(message), statusCode: statusCode);

    /// <summary>Writes an error answer directly (middleware and streaming endpoints).</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ErrorResponse(message), context.RequestAborted);
    }
}
