namespace OrpheusLive.Api.Contracts;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status">"ok".</param>
/// <param name="Model">The loaded model.</param>
/// <param name="Listening">True while the live pipeline analyses audio.</param>
public sealed record HealthResponse(string Status, ModelDescription Model, bool Listening);
