using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Api.Endpoints;
using OrpheusLive.Api.Security;

namespace OrpheusLive.Api;

/// <summary>Maps the OrpheusLive HTTP API.</summary>
public static class OrpheusApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// JSON errors for everything that goes wrong outside an endpoint: unknown routes and methods get
    /// <c>{"error":"…"}</c>, an unexpected exception a 500 without internals (the details go to the log).
    /// </summary>
    public static WebApplication UseOrpheusApiErrors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError,
                "Internal error; the server log has the details."),
        });
        app.UseStatusCodePages(async pages =>
        {
            var context = pages.HttpContext;
            var message = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No endpoint at {context.Request.Path}; see /openapi.json.",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}; see /openapi.json.",
                var status => $"Request failed with status {status}.",
            };
            await ApiErrors.WriteAsync(context, context.Response.StatusCode, message).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>
    /// Maps <c>/health</c> and <c>/openapi.json</c> (open) and the <c>/api</c> endpoints (behind the API key when one is set).
    /// </summary>
    public static IEndpointRouteBuilder MapOrpheusApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        var api = app.MapGroup("/api").AddEndpointFilter(app.ServiceProvider.GetRequiredService<ApiKeyFilter>());
        api.MapEmotionEndpoints();
        api.MapMoodEndpoints();
        api.MapStateEndpoints();
        api.MapPlayEndpoints();
        api.MapEventStreamEndpoints();
        api.MapTrackEndpoints();
        api.MapLibraryScanEndpoints();
        return app;
    }
}
