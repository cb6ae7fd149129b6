using System.Net.Http.Headers;
using System.Text.Json;

namespace OrpheusLive.Api.Tests.Support;

internal static class HttpExtensions
{
    public static ByteArrayContent Wav(byte[] bytes, string contentType = "audio/wav")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string> ErrorAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var json = await response.JsonAsync();
        return json.GetProperty("error").GetString()!;
    }
}
