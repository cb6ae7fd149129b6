using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Live;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Endpoints;

/// <summary><c>GET /health</c> and <c>GET /openapi.json</c>: open without the API key (monitoring and tooling).</summary>
public static class HealthEndpoints
{
    private static readonly Lazy<byte[]> OpenApiDocument = new(LoadOpenApiDocument);

    /// <summary>Maps the endpoints at the root.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", GetHealth).WithName("Health");
        app.MapGet("/openapi.json", GetOpenApi).WithName("OpenApi");
        return app;
    }

    /// <summary>Liveness: the model is loaded and whether the pipeline listens.</summary>
    public static Ok<HealthResponse> GetHealth(IEmotionClassifier classifier, LiveFeed feed)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(feed);
        return TypedResults.Ok(new HealthResponse("ok", EmotionEndpoints.Describe(classifier.Info), feed.Pipeline?.Current.Status == PipelineStatus.Listening));
    }

    /// <summary>The hand-written OpenAPI 3.0 description of this API.</summary>
    public static FileContentHttpResult GetOpenApi() => TypedResults.Bytes(OpenApiDocument.Value, "application/json");

    private static byte[] LoadOpenApiDocument()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrpheusLive.Api.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
