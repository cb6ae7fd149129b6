using System.Net;
using System.Net.Http.Json;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Tests;

/// <summary><c>POST /api/play</c>: "play this mood now" on real HTTP, through the live pipeline.</summary>
public sealed class PlayEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_posted_mood_plays_now_as_the_users_choice_and_the_listeners_decision_takes_over()
    {
        var (api, pipeline, source, run) = await ListeningAsync(12);
        await using var _ = api;

        using var response = await api.Client.PostAsJsonAsync("/api/play", new { mood = "Chill" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldBe("/api/state");
        var body = await response.JsonAsync();
        body.GetProperty("mood").GetString().ShouldBe("chill");
        body.GetProperty("target").GetString().ShouldBe("spotify:playlist:37i9dQZF1DX4WYpdgoIcn6");
        var chosen = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();
        chosen.GetProperty("mood").GetString().ShouldBe("chill");
        chosen.GetProperty("mood_by_user").GetBoolean().ShouldBeTrue();
        chosen.GetProperty("playing").GetProperty("mood").GetString().ShouldBe("chill");
        var pick = chosen.GetProperty("timeline").EnumerateArray().Single();
        pick.GetProperty("by_user").GetBoolean().ShouldBeTrue();
        pick.GetProperty("mood").GetString().ShouldBe("chill");

        source.Open(); // the listener sounds happy: upbeat is a changed mood and takes over
        await run;

        var after = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();
        after.GetProperty("mood").GetString().ShouldBe("upbeat");
        after.GetProperty("mood_by_user").GetBoolean().ShouldBeFalse();
        after.GetProperty("timeline").EnumerateArray().Select(d => (d.GetProperty("mood").GetString(), d.GetProperty("by_user").GetBoolean()))
            .ShouldBe(new[] { ((string?)"chill", true), ("upbeat", false) });
    }

    [Fact]
    public async Task An_unknown_mood_is_404_with_the_moods_there_are_and_nothing_plays()
    {
        var (api, pipeline, source, run) = await ListeningAsync(4);
        await using var _ = api;

        using var response = await api.Client.PostAsJsonAsync("/api/play", new { mood = "polka" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var error = await response.ErrorAsync();
        error.ShouldStartWith("'mood': The mapping has no mood 'polka'; pick one of: chill, comforting, energetic, upbeat");
        pipeline.Current.Timeline.ShouldBeEmpty();
        pipeline.Current.Playback.Playing.ShouldBeNull();
        source.Open();
        await run;
    }

    [Theory]
    [InlineData("{}", "'mood' is missing or empty")]
    [InlineData("{\"mood\":\"  \"}", "'mood' is missing or empty")]
    [InlineData("chill", "The body is not a JSON object with 'mood'")]
    public async Task A_body_without_a_mood_is_400_naming_the_field(string body, string expected)
    {
        await using var api = await TestApi.StartAsync(pipeline: TonePipelines.Create);

        using var response = await api.Client.PostAsync("/api/play", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldStartWith(expected);
    }

    [Fact]
    public async Task Without_listening_play_is_409_and_says_how_to_listen()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PostAsJsonAsync("/api/play", new { mood = "chill" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ErrorAsync()).ShouldContain("--listen");
    }

    /// <summary>The API with a pipeline that listens (its input held back until the test opens it).</summary>
    private static async Task<(TestApi Api, LivePipeline Pipeline, GatedAudioSource Source, Task Run)> ListeningAsync(double seconds)
    {
        var source = new GatedAudioSource(GatedAudioSource.Tone(440, seconds));
        LivePipeline? pipeline = null;
        var api = await TestApi.StartAsync(pipeline: store => pipeline = TonePipelines.Create(store));
        var listening = pipeline!.States.FirstAsync(s => s.Status == PipelineStatus.Listening).ToTask(Ct);
        var run = TonePipelines.RunAsync(pipeline, source);
        await listening.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        return (api, pipeline, source, run);
    }
}
