namespace OrpheusLive.Api.Contracts;

/// <summary>The labels of the loaded model (<c>GET /api/emotions</c>).</summary>
/// <param name="Labels">Labels in model order.</param>
/// <param name="Model">The model.</param>
/// <param name="WindowSeconds">Length of one analysed window.</param>
public sealed record EmotionsResponse(IReadOnlyList<string> Labels, ModelDescription Model, double WindowSeconds);
