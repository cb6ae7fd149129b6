using System.Net;
using System.Text.Json;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Api.Tests;

public sealed class LiveEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_without_listening_says_so()
    {
        await using var api = await TestApi.StartAsync();

        var json = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();

        json.GetProperty("session").GetString().ShouldBe("none");
        json.GetProperty("listening").GetBoolean().ShouldBeFalse();
        json.GetProperty("input").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("emotion").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("mood").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("playing").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("last_window").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("warnings").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Events_without_listening_is_409()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("/api/events", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ErrorAsync()).ShouldContain("--listen");
    }

    [Fact]
    public async Task Health_reports_the_model_and_listening()
    {
        await using var api = await TestApi.StartAsync();

        var json = await (await api.Client.GetAsync("/health", Ct)).JsonAsync();

        json.GetProperty("status").GetString().ShouldBe("ok");
        json.GetProperty("model").GetProperty("name").GetString().ShouldBe("tone-fake");
        json.GetProperty("listening").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Openapi_describes_every_endpoint()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("/openapi.json", Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await response.JsonAsync();
        json.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = json.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldBe(["/api/emotion", "/api/emotions", "/api/moods", "/api/moods/{emotion}", "/api/state", "/api/play", "/api/events",
            "/api/tracks", "/api/tracks/{id}", "/api/library/map.png", "/api/library/map.svg", "/api/library/scan", "/health", "/openapi.json"], ignoreOrder: true);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_json_errors()
    {
        await using var api = await TestApi.StartAsync();

        using var missing = await api.Client.GetAsync("/api/nope", Ct);
        using var method = await api.Client.DeleteAsync("/api/moods", Ct);

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.ErrorAsync()).ShouldContain("/api/nope");
        method.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await method.ErrorAsync()).ShouldContain("DELETE");
    }

    [Fact]
    public async Task Events_stream_windows_and_decisions_as_they_happen_and_state_follows()
    {
        var source = new GatedAudioSource(GatedAudioSource.Tone(440, 12));
        LivePipeline? pipeline = null;
        await using var api = await TestApi.StartAsync(pipeline: store => pipeline = NewPipeline(store));
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("connected");

        source.Open();
        var run = RunAsync(pipeline!, source);
        var messages = await events.ReadUntilAsync(m => m.Event == "decision", TimeSpan.FromSeconds(30));
        await run;

        var windows = messages.Where(m => m.Event == "window").ToList();
        windows.Count.ShouldBeGreaterThanOrEqualTo(2);
        messages.Select(m => m.Id!.Value).ShouldBeInOrder(SortDirection.Ascending);
        var firstWindow = JsonDocument.Parse(windows[0].Data!).RootElement;
        firstWindow.GetProperty("type").GetString().ShouldBe("window");
        firstWindow.GetProperty("t").GetDouble().ShouldBe(3.0);
        firstWindow.GetProperty("emotion").GetString().ShouldBe("happy");
        firstWindow.GetProperty("scores").GetProperty("happy").GetDouble().ShouldBe(ToneClassifier.Expected(440, 0.5).Confidence, 0.01);
        firstWindow.GetProperty("valence").GetDouble().ShouldBeGreaterThan(0, "a happy listener sounds pleasant");
        firstWindow.GetProperty("arousal").GetDouble().ShouldBeInRange(-1, 1);
        var decision = JsonDocument.Parse(messages[^1].Data!).RootElement;
        decision.GetProperty("type").GetString().ShouldBe("decision");
        decision.GetProperty("emotion").GetString().ShouldBe("happy");
        decision.GetProperty("mood").GetString().ShouldBe("upbeat");
        decision.GetProperty("target").GetString().ShouldBe("spotify:playlist:37i9dQZF1DXdPec7aLTmlC");

        var state = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();
        state.GetProperty("session").GetString().ShouldBe("live");
        state.GetProperty("input").GetString().ShouldBe("test tones");
        state.GetProperty("emotion").GetString().ShouldBe("happy");
        state.GetProperty("mood").GetString().ShouldBe("upbeat");
        state.GetProperty("player").GetString().ShouldBe("console");
        state.GetProperty("playing").GetProperty("mood").GetString().ShouldBe("upbeat");
        state.GetProperty("last_window").GetProperty("type").GetString().ShouldBe("window");
        state.GetProperty("last_window").GetProperty("t").GetDouble().ShouldBe(12.0);
        state.GetProperty("listening").GetBoolean().ShouldBeFalse(); // the input ended
        state.GetProperty("status").GetString().ShouldBe("ended");
        state.GetProperty("t").GetDouble().ShouldBe(12.0);
        state.GetProperty("belief").GetProperty("happy").GetDouble().ShouldBeGreaterThan(0.7);
        state.GetProperty("latency").GetProperty("windows").GetInt32().ShouldBe(10);
        state.GetProperty("timeline").EnumerateArray().Single().GetProperty("mood").GetString().ShouldBe("upbeat");
        state.GetProperty("pending").ValueKind.ShouldBe(JsonValueKind.Null);
        state.GetProperty("affect").GetProperty("valence").GetDouble().ShouldBe(
            JsonDocument.Parse(windows[^1].Data!).RootElement.GetProperty("valence").GetDouble(), 1e-4, "the last speech window's point");
        state.GetProperty("affect").GetProperty("arousal").GetDouble().ShouldBeInRange(-1, 1);
        state.GetProperty("warning_details").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task State_lists_warnings_with_their_ids_and_a_failed_input_with_its_error()
    {
        LivePipeline? pipeline = null;
        await using var api = await TestApi.StartAsync(pipeline: store => pipeline = NewPipeline(store));
        pipeline!.Report(Core.Pipeline.State.WarningIds.PlayerFallback, StatusSeverity.Warning, "Using the console player: not logged in.");

        await Should.ThrowAsync<Core.Audio.AudioSourceException>(() => RunAsync(pipeline, new FailingSource()));

        var state = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();
        state.GetProperty("status").GetString().ShouldBe("failed");
        state.GetProperty("error").GetString().ShouldBe("The microphone was unplugged.");
        var details = state.GetProperty("warning_details").EnumerateArray().ToList();
        details.Select(d => d.GetProperty("id").GetString()).ShouldBe(["player.fallback", "input.failed"]);
        details[1].GetProperty("level").GetString().ShouldBe("error");
        state.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldBe(
            ["Using the console player: not logged in.", "The microphone was unplugged."]);
    }

    [Fact]
    public async Task Last_event_id_replays_what_a_client_missed()
    {
        var source = new GatedAudioSource(GatedAudioSource.Tone(440, 12));
        LivePipeline? pipeline = null;
        await using var api = await TestApi.StartAsync(pipeline: store => pipeline = NewPipeline(store));
        source.Open();
        await RunAsync(pipeline!, source); // everything happened before anyone connected

        var all = await ReadReplayAsync(api, "0");
        var tail = await ReadReplayAsync(api, all[2].Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        all.Select(m => m.Event).ShouldContain("window");
        all.Select(m => m.Event).ShouldContain("decision");
        all[0].Id.ShouldBe(1);
        tail[0].Id.ShouldBe(all[3].Id);
    }

    [Fact]
    public async Task Idle_streams_get_heartbeats_and_disconnects_unsubscribe()
    {
        await using var api = await TestApi.StartAsync(configure: o => o.HeartbeatSeconds = 0.2, pipeline: NewPipeline);
        using (var client = api.CreateClient())
        {
            using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, Ct);
            using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
            (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("connected");
            (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("heartbeat");
            (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("heartbeat");
            api.Feed.SubscriberCount.ShouldBe(1);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (api.Feed.SubscriberCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        api.Feed.SubscriberCount.ShouldBe(0);
    }

    private static async Task<List<SseMessage>> ReadReplayAsync(TestApi api, string lastEventId)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        return await events.ReadUntilAsync(m => m.Event == "decision", TimeSpan.FromSeconds(10));
    }

    private static LivePipeline NewPipeline(Core.Moods.IMoodMapStore store) => TonePipelines.Create(store);

    private static Task RunAsync(LivePipeline pipeline, Core.Audio.IAudioSource source) => TonePipelines.RunAsync(pipeline, source);

    private sealed class FailingSource : Core.Audio.IAudioSource
    {
        public string Description => "flaky microphone";

        public bool IsLive => true;

        public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken) =>
            throw new Core.Audio.AudioSourceException("The microphone was unplugged.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
