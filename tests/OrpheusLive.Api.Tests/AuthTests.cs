using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Hosting;
using OrpheusLive.Api.Tests.Support;

namespace OrpheusLive.Api.Tests;

public sealed class AuthTests
{
    private const string Key = "s3cret-key-for-tests-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/emotions")]
    [InlineData("GET", "/api/moods")]
    [InlineData("GET", "/api/state")]
    [InlineData("GET", "/api/events")]
    [InlineData("POST", "/api/emotion")]
    [InlineData("PUT", "/api/moods/happy")]
    [InlineData("GET", "/api/library/scan")]
    [InlineData("POST", "/api/library/scan")]
    [InlineData("POST", "/api/play")]
    public async Task Api_endpoints_need_the_key_when_one_is_set(string method, string path)
    {
        await using var api = await TestApi.StartAsync(configure: o => o.Key = Key);

        using var missing = await api.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        using var wrong = await api.CreateClient("not-the-key").SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
        using var prefix = await api.CreateClient(Key[..^1]).SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        (await missing.ErrorAsync()).ShouldContain("API key");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        prefix.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_right_key_is_accepted_and_never_logged()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.Key = Key);
        using var client = api.CreateClient(Key);

        (await client.GetAsync("/api/emotions", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 3)), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/api/moods");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Key);
        (await api.Client.SendAsync(basic, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        api.Logs.Lines.ShouldNotBeEmpty();
        api.Logs.AllText.ShouldNotContain(Key);
    }

    [Fact]
    public async Task Health_and_openapi_are_open()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.Key = Key);

        using var health = await api.Client.GetAsync("/health", Ct);
        using var openApi = await api.Client.GetAsync("/openapi.json", Ct);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_key_loopback_needs_no_authorization()
    {
        await using var api = await TestApi.StartAsync();

        (await api.Client.GetAsync("/api/moods", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5170")]
    [InlineData("http://*:5170")]
    [InlineData("http://+:5170")]
    [InlineData("http://[::]:5170")]
    [InlineData("http://192.168.1.20:5170")]
    [InlineData("http://my-host.example:5170")]
    [InlineData("http://127.0.0.1:5170;http://0.0.0.0:5171")]
    public async Task Binding_beyond_loopback_without_a_key_is_refused(string urls)
    {
        var e = await Should.ThrowAsync<OptionsValidationException>(() => TestApi.StartAsync(configure: o => o.Urls = urls));

        e.Message.ShouldContain("without an API key");
        e.Message.ShouldContain("Api:Key");
    }

    [Fact]
    public async Task Binding_beyond_loopback_with_a_key_is_allowed()
    {
        await using var api = await TestApi.StartAsync(configure: o =>
        {
            o.Urls = "http://0.0.0.0:0";
            o.Key = Key;
        });

        (await api.CreateClient(Key).GetAsync($"http://127.0.0.1:{api.BaseAddress.Port}/api/emotions", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5170", true)]
    [InlineData("http://127.1.2.3:5170", true)]
    [InlineData("http://localhost:5170", true)]
    [InlineData("http://[::1]:5170", true)]
    [InlineData("http://0.0.0.0:5170", false)]
    [InlineData("http://[::]:5170", false)]
    [InlineData("http://*:5170", false)]
    [InlineData("http://10.0.0.1:5170", false)]
    public void Loopback_detection(string url, bool loopback) => ListenUrls.IsLoopback(url).ShouldBe(loopback);

    [Theory]
    [InlineData("https://127.0.0.1:5170", "https")]
    [InlineData("ftp://127.0.0.1:5170", "not an http")]
    [InlineData("", "empty")]
    public void Bad_urls_are_named(string urls, string message) =>
        new ApiOptions { Urls = urls }.Validate().ShouldNotBeNull().ShouldContain(message);

    [Fact]
    public void Bad_limits_are_named()
    {
        new ApiOptions { MaxUploadBytes = 0 }.Validate().ShouldNotBeNull().ShouldContain("Api:MaxUploadBytes");
        new ApiOptions { MaxClipSeconds = 0 }.Validate().ShouldNotBeNull().ShouldContain("Api:MaxClipSeconds");
        new ApiOptions().Validate().ShouldBeNull();
    }
}
