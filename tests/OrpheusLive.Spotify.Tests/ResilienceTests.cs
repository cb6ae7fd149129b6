using System.Net;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class ResilienceTests
{
    private const string CalmPlaylist = "spotify:playlist:37i9dQZF1DWZqd5JICZI0u";
    private const string HappyAlbum = "spotify:album:5ht7ItJgpBH7W6vJ5BqpPr";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Short_Retry_After_is_waited_out_on_the_clock_and_the_command_retried_once()
    {
        var time = new TimerWatchingTimeProvider();
        await using var host = await SpotifyTestHost.StartAsync(time: time);
        host.Fake.AddActiveDevice();
        host.Fake.Fail("PUT /v1/me/player/play", 429, retryAfterSeconds: 1);
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var play = player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1), Ct); // the 429 came back and the retry waits its 1 s
        time.Advance(TimeSpan.FromMilliseconds(999));

        play.IsCompleted.ShouldBeFalse();
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(1, "nothing is sent before Retry-After has passed");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await play.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        result.ShouldBe(PlaybackResult.Ok(CalmPlaylist));
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(2);
        host.Logs.AllText.ShouldContain("rate limited, retrying in 1 s");
    }

    [Fact]
    public async Task Second_429_in_a_row_is_not_retried_again()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.Fail("PUT /v1/me/player/play", 429, times: 5, retryAfterSeconds: 0);
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("rate limited");
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(2);
    }

    [Fact]
    public async Task Long_Retry_After_fails_at_once_and_keeps_quiet_until_it_has_passed()
    {
        var time = new TimerWatchingTimeProvider(); // never advanced until the end: a command that waited would never finish
        await using var host = await SpotifyTestHost.StartAsync(time: time);
        host.Fake.AddActiveDevice();
        host.Fake.Fail("PUT /v1/me/player/play", 429, retryAfterSeconds: 120);
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        result.Started.ShouldBeFalse();
        result.Message.ShouldBe("Spotify rate limit reached: rate limited, retrying in 120 s (on the next change).");
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(1);

        var requestsBefore = host.Fake.Requests.Count;
        var next = await player.PlayAsync(new PlayRequest("happy", [HappyAlbum], Shuffle: false), Ct);
        next.Started.ShouldBeFalse();
        next.Message!.ShouldContain("rate limited, retrying in");
        host.Fake.Requests.Count.ShouldBe(requestsBefore);

        time.Advance(TimeSpan.FromSeconds(120));
        var later = await player.PlayAsync(new PlayRequest("happy", [HappyAlbum], Shuffle: false), Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        later.ShouldBe(PlaybackResult.Ok(HappyAlbum), "once Retry-After has passed, Spotify is asked again");
    }

    [Fact]
    public async Task Server_errors_are_retried_a_bounded_number_of_times()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.Fail("PUT /v1/me/player/play", 503, times: 10);
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.Started.ShouldBeFalse();
        result.Message.ShouldBe("Spotify is having trouble (HTTP 503) — still listening, will retry on the next change.");
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(3);
    }

    [Fact]
    public async Task A_transient_server_error_is_retried_transparently()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.Fail("GET /v1/me/player", 502);
        host.Fake.Fail("PUT /v1/me/player/play", 500);
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Ok(CalmPlaylist));
        host.Fake.Count("GET /v1/me/player").ShouldBe(2);
        host.Fake.Count("PUT /v1/me/player/play").ShouldBe(2);
    }

    [Fact]
    public async Task Spotify_unreachable_gives_a_failed_result_not_an_exception()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        await using var player = host.CreatePlayer();
        await host.Fake.StopAsync();

        var result = await player.PlayAsync(new PlayRequest("calm", [CalmPlaylist], Shuffle: false), Ct);

        result.ShouldBe(PlaybackResult.Failed("Spotify unreachable — still listening, will retry on the next change."));
        await player.PauseAsync(Ct);
        await player.SkipAsync(Ct);
    }

    [Fact]
    public async Task Unreachable_is_a_typed_exception_from_the_client()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        await host.Fake.StopAsync();

        var error = await Should.ThrowAsync<SpotifyApiException>(() => host.Client.GetDevicesAsync(Ct));

        error.IsUnreachable.ShouldBeTrue();
        error.Status.ShouldBeNull();
        error.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task Errors_carry_status_and_reason()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        host.Fake.Fail("PUT /v1/me/player/pause", 404, reason: "NO_ACTIVE_DEVICE");
        host.Fake.Fail("PUT /v1/me/player/pause", 403, reason: "PREMIUM_REQUIRED");

        var noDevice = await Should.ThrowAsync<SpotifyApiException>(() => host.Client.PauseAsync(null, Ct));
        noDevice.Status.ShouldBe(HttpStatusCode.NotFound);
        noDevice.Reason.ShouldBe(SpotifyErrorReasons.NoActiveDevice);
        noDevice.Message.ShouldContain("Spotify:PreferredDevice");

        var premium = await Should.ThrowAsync<SpotifyApiException>(() => host.Client.PauseAsync(null, Ct));
        premium.Status.ShouldBe(HttpStatusCode.Forbidden);
        premium.Reason.ShouldBe(SpotifyErrorReasons.PremiumRequired);
        premium.Message.ShouldBe("Spotify Premium is required for playback control.");
    }

    [Fact]
    public async Task Playback_state_204_means_nothing_is_playing()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();

        (await host.Client.GetPlaybackStateAsync(Ct)).ShouldBeNull();

        host.Fake.AddActiveDevice();
        host.Fake.ContextUri = CalmPlaylist;
        var state = await host.Client.GetPlaybackStateAsync(Ct);
        state!.Context!.Uri.ShouldBe(CalmPlaylist);
        state.Device!.Name.ShouldBe("Laptop");
        state.Device.VolumePercent.ShouldBe(60);
    }
}
