using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Api.Tests;

public sealed class MoodEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_moods_returns_the_mapping()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.GetAsync("/api/moods", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("emotions").GetProperty("happy").GetString().ShouldBe("upbeat");
        var comforting = json.GetProperty("moods").GetProperty("comforting");
        comforting.GetProperty("targets")[0].GetString().ShouldBe("spotify:playlist:37i9dQZF1DX3YSRoSdA634");
        comforting.GetProperty("shuffle").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Put_maps_an_emotion_to_an_existing_mood_and_saves_the_file()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PutAsJsonAsync("/api/moods/Happy", new { mood = "Chill" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.JsonAsync();
        json.GetProperty("emotion").GetString().ShouldBe("happy");
        json.GetProperty("mood").GetString().ShouldBe("chill");
        json.GetProperty("targets")[0].GetString().ShouldBe("spotify:playlist:37i9dQZF1DX4WYpdgoIcn6");

        api.Store.UserFilePath.ShouldStartWith(api.Directory);
        var saved = MoodMapSerializer.Parse(await File.ReadAllTextAsync(api.Store.UserFilePath, Ct), "saved", RealTargets.Rules);
        saved.MoodFor("happy").ShouldBe("chill");
        saved.MoodFor("sad").ShouldBe("comforting"); // the rest is kept

        // The change is live: a happy clip now maps to chill.
        using var clip = await api.Client.PostAsync("/api/emotion", HttpExtensions.Wav(TestWavs.Tone(440, 3)), Ct);
        (await clip.JsonAsync()).GetProperty("mood").GetString().ShouldBe("chill");
    }

    [Fact]
    public async Task Put_with_targets_creates_a_mood_and_normalises_links()
    {
        await using var api = await TestApi.StartAsync();
        var folder = Directory.CreateDirectory(Path.Combine(api.Directory, "music", "focus")).FullName;

        using var response = await api.Client.PutAsJsonAsync("/api/moods/fearful", new
        {
            mood = "focus",
            targets = new[] { "https://open.spotify.com/playlist/37i9dQZF1DWZeKCadgRdKQ?si=abc", folder },
            shuffle = false,
        }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = MoodMapSerializer.Parse(await File.ReadAllTextAsync(api.Store.UserFilePath, Ct), "saved", RealTargets.Rules);
        saved.MoodFor("fearful").ShouldBe("focus");
        saved.TargetsFor("focus")!.Targets.ShouldBe(["spotify:playlist:37i9dQZF1DWZeKCadgRdKQ", folder]);
        saved.TargetsFor("focus")!.Shuffle.ShouldBeFalse();
        api.Store.Current.MoodFor("fearful").ShouldBe("focus");
    }

    [Fact]
    public async Task Put_shuffle_only_updates_the_existing_mood()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PutAsJsonAsync("/api/moods/sad", new { mood = "comforting", shuffle = true }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Store.Current.TargetsFor("comforting")!.Shuffle.ShouldBeTrue();
        api.Store.Current.TargetsFor("comforting")!.Targets.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Put_unknown_emotion_is_404()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PutAsJsonAsync("/api/moods/bored", new { mood = "chill" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.ErrorAsync()).ShouldContain("Unknown emotion 'bored'");
        File.Exists(api.Store.UserFilePath).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"mood":"focus","targets":["spotify:playlist:tooShort"]}""", "targets[0] of mood 'focus'")]
    [InlineData("""{"mood":"focus","targets":["https://example.com/x"]}""", "targets[0]")]
    [InlineData("""{"mood":"focus","targets":["/definitely/not/here/orpheus"]}""", "does not exist")]
    [InlineData("""{"mood":"focus","targets":[]}""", "empty")]
    [InlineData("""{"mood":"brand-new"}""", "not defined yet")]
    [InlineData("""{"mood":""}""", "\"mood\" is required")]
    [InlineData("""{"targets":["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6"]}""", "\"mood\" is required")]
    [InlineData("""{"mood":42}""", "must be JSON")]
    [InlineData("""not json""", "must be JSON")]
    [InlineData("", "must be JSON")]
    [InlineData("null", "JSON object")]
    public async Task Put_invalid_body_is_400_naming_the_problem(string body, string message)
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Client.PutAsync("/api/moods/happy", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldContain(message);
        File.Exists(api.Store.UserFilePath).ShouldBeFalse();
        api.Store.Current.MoodFor("happy").ShouldBe("upbeat");
    }

    [Fact]
    public async Task Concurrent_puts_keep_every_change()
    {
        await using var api = await TestApi.StartAsync();
        string[] emotions = ["neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"];

        var responses = await Task.WhenAll(emotions.Select(e => api.Client.PutAsJsonAsync($"/api/moods/{e}", new { mood = "energetic" }, Ct)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var saved = MoodMapSerializer.Parse(await File.ReadAllTextAsync(api.Store.UserFilePath, Ct), "saved", RealTargets.Rules);
        emotions.ShouldAllBe(e => saved.MoodFor(e) == "energetic");
    }
}
