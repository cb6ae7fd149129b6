using System.Text.Json;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Tests.Fakes;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class SpotifyPlayerTests
{
    private const string CalmPlaylist = "spotify:playlist:37i9dQZF1DWZqd5JICZI0u";
    private const string HappyAlbum = "spotify:album:5ht7ItJgpBH7W6vJ5BqpPr";
    private const string TrackA = "spotify:track:4iV5W9uYEdYUVa79Axb7Rh";
    private const string TrackB = "spotify:track:1301WleyT98MSxVHPZCA6M";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plays_the_mapped_context_on_the_active_device_skipping_local_folders()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice("dev-laptop", "Laptop");
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", ["music/calm", "https://open.spotify.com/playlist/37i9dQZF1DWZqd5JICZI0u?si=abc", HappyAlbum], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Ok(CalmPlaylist));
        var play = host.Fake.Requests.Single(r => r.Route == "PUT /v1/me/player/play");
        play.Query.ShouldBe("?device_id=dev-laptop");
        using var body = JsonDocument.Parse(play.Body);
        body.RootElement.GetProperty("context_uri").GetString().ShouldBe(CalmPlaylist);
        body.RootElement.TryGetProperty("uris", out _).ShouldBeFalse();
        host.Fake.Count("PUT /v1/me/player").ShouldBe(0);
        player.Current.ShouldNotBeNull();
        player.Current.Mood.ShouldBe("calm");
        player.Current.Target.ShouldBe(CalmPlaylist);
        player.Current.Device.ShouldBe("Laptop");
        player.Name.ShouldBe("spotify");
    }

    [Fact]
    public async Task Sets_shuffle_when_it_differs_and_plays_one_of_the_targets()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("happy", [CalmPlaylist, HappyAlbum], Shuffle: true), Ct);

        result.Started.ShouldBeTrue();
        new[] { CalmPlaylist, HappyAlbum }.ShouldContain(result.Target!);
        host.Fake.Requests.Single(r => r.Route == "PUT /v1/me/player/shuffle").Query.ShouldStartWith("?state=true");
        host.Fake.Shuffle.ShouldBeTrue();
        var route = host.Fake.Requests.Select(r => r.Route).ToList();
        route.IndexOf("PUT /v1/me/player/shuffle").ShouldBeLessThan(route.IndexOf("PUT /v1/me/player/play"));
    }

    [Fact]
    public async Task Track_targets_are_sent_as_a_uris_list()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("focus", [TrackA, TrackB], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Ok(TrackA));
        using var body = JsonDocument.Parse(host.Fake.Requests.Single(r => r.Route == "PUT /v1/me/player/play").Body);
        body.RootElement.GetProperty("uris").EnumerateArray().Select(e => e.GetString()).ShouldBe([TrackA, TrackB]);
        body.RootElement.TryGetProperty("context_uri", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Does_not_restart_the_same_mood()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();
        var request = new PlayRequest("calm", [CalmPlaylist], Shuffle: false);

        (await player.PlayAsync(request, Ct)).ShouldBe(PlaybackResult.Ok(CalmPlaylist));
        var again = await player.PlayAsync(request, Ct);

        again.ShouldBe(PlaybackResult.Ok(CalmPlaylist, alreadyPlaying: true));
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(1);
    }

    [Fact]
    public async Task Leaves_alone_a_target_the_user_already_plays()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.ContextUri = CalmPlaylist;
        host.Fake.ItemUri = TrackA;
        host.Fake.IsPlaying = true;
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.AlreadyPlaying.ShouldBeTrue();
        player.Current!.Title.ShouldBe("Weightless — Marconi Union");
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(0);
    }

    [Fact]
    public async Task Transfers_to_the_preferred_device_when_none_is_active()
    {
        await using var host = await SpotifyTestHost.StartAsync(new() { ["Spotify:PreferredDevice"] = "kitchen speaker" });
        host.Fake.Devices.Add(new FakeDevice("dev-phone", "Phone", "Smartphone"));
        host.Fake.Devices.Add(new FakeDevice("dev-kitchen", "Kitchen speaker", "Speaker"));
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Ok(CalmPlaylist));
        host.Fake.Requests.Select(r => r.Route).ShouldBe([
            "GET /v1/me/player", "GET /v1/me/player/devices", "PUT /v1/me/player", "PUT /v1/me/player/shuffle", "PUT /v1/me/player/play"]);
        using var transfer = JsonDocument.Parse(host.Fake.Requests.Single(r => r.Route == "PUT /v1/me/player").Body);
        transfer.RootElement.GetProperty("device_ids").EnumerateArray().Select(e => e.GetString()).ShouldBe(["dev-kitchen"]);
        transfer.RootElement.GetProperty("play").GetBoolean().ShouldBeFalse();
        host.Fake.Requests.Single(r => r.Route == "PUT /v1/me/player/play").Query.ShouldBe("?device_id=dev-kitchen");
        player.Current!.Device.ShouldBe("Kitchen speaker");
    }

    [Fact]
    public async Task Transfers_to_the_only_device_when_no_preference_is_set()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.Devices.Add(new FakeDevice("dev-phone", "Phone", "Smartphone"));
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeTrue();
        host.Fake.Count("PUT /v1/me/player").ShouldBe(1);
    }

    [Fact]
    public async Task Without_an_active_device_and_several_candidates_it_says_exactly_what_to_do()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.Devices.Add(new FakeDevice("dev-phone", "Phone", "Smartphone"));
        host.Fake.Devices.Add(new FakeDevice("dev-kitchen", "Kitchen speaker", "Speaker"));
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeFalse();
        result.Message.ShouldBe("No Spotify device is active: open Spotify on your phone or computer, or set Spotify:PreferredDevice to one of: 'Phone', 'Kitchen speaker'.");
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(0);
    }

    [Fact]
    public async Task With_no_device_at_all_it_asks_to_open_Spotify()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Message!.ShouldStartWith("No Spotify device is available: open Spotify on your phone or computer");
    }

    [Fact]
    public async Task No_active_device_answer_after_the_transfer_fails_with_instructions_and_one_play_only()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.Devices.Add(new FakeDevice("dev-phone", "Phone", "Smartphone"));
        host.Fake.Fail("PUT /v1/me/player/play", 404, reason: "NO_ACTIVE_DEVICE", message: "Player command failed: No active device found");
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("'Phone' did not take the command");
        result.Message!.ShouldContain("Open Spotify on your phone or computer");
        host.Fake.Count("PUT /v1/me/player").ShouldBe(1);
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(1);
    }

    [Fact]
    public async Task Premium_required_is_reported_in_plain_words()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.Premium = false;
        host.Fake.Shuffle = false;
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Failed("Spotify Premium is required for playback control."));
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(1);
    }

    [Fact]
    public async Task Fades_the_volume_down_and_back_up_around_a_switch_when_asked()
    {
        await using var host = await SpotifyTestHost.StartAsync(new() { ["Spotify:FadeVolume"] = "true" });
        host.Fake.AddActiveDevice(volume: 60);
        host.Fake.ContextUri = HappyAlbum;
        host.Fake.IsPlaying = true;
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeTrue();
        var routes = host.Fake.Requests.Where(r => r.Route is "PUT /v1/me/player/volume" or "PUT /v1/me/player/play").Select(r => r.Route + r.Query).ToList();
        routes.ShouldBe([
            "PUT /v1/me/player/volume?volume_percent=18&device_id=dev-laptop",
            "PUT /v1/me/player/play?device_id=dev-laptop",
            "PUT /v1/me/player/volume?volume_percent=60&device_id=dev-laptop"]);
    }

    [Fact]
    public async Task Pause_resume_and_skip_reach_Spotify_and_never_throw()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();
        await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        await player.PauseAsync(Ct);
        player.Current!.IsPaused.ShouldBeTrue();
        await player.ResumeAsync(Ct);
        player.Current!.IsPaused.ShouldBeFalse();
        await player.SkipAsync(Ct);

        host.Fake.Count("PUT /v1/me/player/pause").ShouldBe(1);
        host.Fake.Count("POST /v1/me/player/next").ShouldBe(1);
        host.Fake.Requests.Last(r => r.Route == "PUT /v1/me/player/play").Body.ShouldBeEmpty();

        host.Fake.Premium = false;
        await player.PauseAsync(Ct);
        host.Logs.AllText.ShouldContain("Spotify Premium is required");
    }

    [Fact]
    public async Task A_mood_without_Spotify_targets_fails_without_calling_Spotify()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", ["music/calm"], Shuffle: false), Ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("no Spotify playlist");
        host.Fake.Requests.ShouldBeEmpty();
    }
}
