using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OrpheusLive.Api.Endpoints;

/// <summary>
/// Reads a POST body the one way the API's small command endpoints do (<c>/api/play</c>, <c>/api/library/scan</c>):
/// JSON of the request type, with the app's serializer options; a body that is not JSON, or not sent as
/// <c>application/json</c>, is reported as not read so the endpoint can answer 400 in its own words.
/// </summary>
internal static class JsonBody
{
    /// <summary>Reads the body as <typeparamref name="T"/>.</summary>
    /// <returns><c>Read</c> false for a body that is not JSON of that shape; <c>Value</c> null for a JSON <c>null</c> body.</returns>
    public static async Task<(bool Read, T? Value)> TryReadAsync<T>(HttpContext context)
    {
        try
        {
            return (true, await context.Request.ReadFromJsonAsync<T>(context.RequestAborted).ConfigureAwait(false));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (false, default);
        }
    }
}
