using OrpheusLive.Api.Contracts;

namespace OrpheusLive.Api.Endpoints;

/// <summary>The outcome of a mood edit: the saved entry, or an HTTP status and message.</summary>
/// <param name="Saved">What was saved, or null on failure.</param>
/// <param name="StatusCode">The failure's status (400, 404, 500), or 200.</param>
/// <param name="Error">The failure's message, or null.</param>
public sealed record MoodEditResult(MoodUpdateResponse? Saved, int StatusCode, string? Error)
{
    /// <summary>A failed edit.</summary>
    public static MoodEditResult Fail(int statusCode, string error) => new(null, statusCode, error);
}
