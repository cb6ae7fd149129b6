using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Cli;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Api.Tests;

public sealed class ServeCommandTests
{
    private const string Key = "serve-test-key-9f8e7d6c5b4a";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_listen_on_a_file_streams_its_windows_and_decisions()
    {
        await using var serve = ServeHarness.Create();
        var wav = TestWavs.WriteFile(serve.Directory, "happy.wav", TestWavs.Tone(440, 12, sampleRate: 44_100, channels: 2));

        await serve.StartAsync("--listen", "--input", wav, "--fast");
        using var client = serve.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events?lastEventId=0");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        var messages = await events.ReadUntilAsync(m => m.Event == "decision", TimeSpan.FromSeconds(30));

        messages.Count(m => m.Event == "window").ShouldBeGreaterThanOrEqualTo(2);
        var decision = JsonDocument.Parse(messages[^1].Data!).RootElement;
        decision.GetProperty("emotion").GetString().ShouldBe("happy");
        decision.GetProperty("mood").GetString().ShouldBe("upbeat");
        decision.GetProperty("player").GetString().ShouldBe("console");

        var state = await (await client.GetAsync("/api/state", Ct)).JsonAsync();
        state.GetProperty("session").GetString().ShouldBe("live");
        state.GetProperty("input").GetString()!.ShouldStartWith("happy.wav");
        state.GetProperty("emotion").GetString().ShouldBe("happy");

        (await serve.StopAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Serve_listen_keeps_serving_when_the_input_fails_and_the_state_says_why()
    {
        await using var serve = ServeHarness.Create(); // no microphone in tests

        await serve.StartAsync("--listen");
        using var client = serve.CreateClient();
        var state = await WaitForStateAsync(client, s => s.GetProperty("status").GetString() == "failed");

        state.GetProperty("error").GetString().ShouldBe("No microphone in tests.");
        state.GetProperty("warning_details").EnumerateArray().Single().GetProperty("id").GetString().ShouldBe("input.failed");
        (await client.GetAsync("/health", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await serve.StopAsync()).ShouldBe(0);
        serve.Logs.AllText.ShouldContain("Live listening stopped: No microphone in tests.; the API keeps serving");
    }

    [Fact]
    public async Task Serve_listen_on_a_file_that_ends_keeps_serving_with_status_ended()
    {
        await using var serve = ServeHarness.Create();
        var wav = TestWavs.WriteFile(serve.Directory, "short.wav", TestWavs.Tone(440, 4));

        await serve.StartAsync("--listen", "--input", wav, "--fast");
        using var client = serve.CreateClient();
        var state = await WaitForStateAsync(client, s => s.GetProperty("status").GetString() == "ended");

        state.GetProperty("last_window").GetProperty("t").GetDouble().ShouldBe(4.0);
        (await serve.StopAsync()).ShouldBe(0);
    }

    // Polls /api/state until it holds (a deadline, not a timing assertion: the pipeline runs in the background).
    private static async Task<JsonElement> WaitForStateAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var state = await (await client.GetAsync("/api/state", Ct)).JsonAsync();
            if (done(state) || DateTime.UtcNow > deadline)
            {
                done(state).ShouldBeTrue($"state after 30 s: {state}");
                return state;
            }

            await Task.Delay(50, Ct);
        }
    }

    [Fact]
    public async Task Serve_without_listen_scores_clips_and_saves_moods_under_the_config_dir()
    {
        await using var serve = ServeHarness.Create();

        await serve.StartAsync();
        using var client = serve.CreateClient();
        using var clip = await client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(200, 4)), Ct);
        using var put = await client.PutAsJsonAsync("/api/moods/sad", new { mood = "chill" }, Ct);
        var state = await (await client.GetAsync("/api/state", Ct)).JsonAsync();

        clip.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clip.JsonAsync()).GetProperty("emotion").GetString().ShouldBe("sad");
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = MoodMapSerializer.Parse(await File.ReadAllTextAsync(Path.Combine(serve.Directory, "moods.json"), Ct), "saved", RealTargets.Rules);
        saved.MoodFor("sad").ShouldBe("chill");
        state.GetProperty("session").GetString().ShouldBe("none");
        (await serve.StopAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Serve_with_a_configured_key_requires_it_and_does_not_log_it()
    {
        await using var serve = ServeHarness.Create(new Dictionary<string, string?> { ["Api:Key"] = Key });

        await serve.StartAsync();
        using var client = serve.CreateClient();
        using var anonymous = await client.GetAsync("/api/moods", Ct);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        using var authorized = await client.GetAsync("/api/moods", Ct);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        authorized.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await serve.StopAsync()).ShouldBe(0);
        serve.Logs.AllText.ShouldContain("API key required");
        serve.Logs.AllText.ShouldNotContain(Key);
    }

    [Fact]
    public async Task Serve_refuses_a_non_loopback_url_without_a_key()
    {
        await using var serve = ServeHarness.Create();

        var e = await Should.ThrowAsync<OptionsValidationException>(() => serve.StartAsync("--urls", $"http://0.0.0.0:{serve.Port}"));

        e.Message.ShouldContain("without an API key");
    }

    [Fact]
    public async Task Serve_reports_a_busy_port_as_a_setting_problem()
    {
        await using var serve = ServeHarness.Create();
        using var squatter = new System.Net.Sockets.TcpListener(IPAddress.Loopback, serve.Port);
        squatter.Start();

        var e = await Should.ThrowAsync<OptionsValidationException>(() => serve.StartAsync());

        e.Message.ShouldContain($"port {serve.Port} is already in use (http://127.0.0.1:{serve.Port})");
        e.Message.ShouldContain("--urls");
    }

    [Fact]
    public async Task Serve_allows_a_non_loopback_url_with_a_key()
    {
        await using var serve = ServeHarness.Create(new Dictionary<string, string?> { ["Api:Key"] = Key });

        await serve.StartAsync("--urls", $"http://0.0.0.0:{serve.Port}");

        (await serve.StopAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("--input", "x.wav")]
    [InlineData("--fast")]
    [InlineData("--bogus", "1")]
    public async Task Serve_rejects_listen_options_without_listen_and_unknown_options(params string[] args)
    {
        await using var serve = ServeHarness.Create();

        await Should.ThrowAsync<CommandLineException>(() => serve.StartAsync(args));
    }

    [Fact]
    public async Task Serve_listen_with_a_missing_input_is_a_usage_error()
    {
        await using var serve = ServeHarness.Create();

        var e = await Should.ThrowAsync<CommandLineException>(() => serve.StartAsync("--listen", "--input", "/nope/missing.wav"));

        e.Message.ShouldContain("not found");
    }
}
