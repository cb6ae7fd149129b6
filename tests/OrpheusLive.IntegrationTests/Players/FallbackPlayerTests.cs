using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.IntegrationTests.Faults;
using OrpheusLive.Players;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.IntegrationTests.Players;

/// <summary>
/// `auto` on Spotify with the real Spotify player against the loopback fake and the real built-in player on a private
/// PulseAudio daemon: a login that Spotify ends (invalid_grant) hands the music to the built-in player, said once.
/// </summary>
public sealed class FallbackPlayerTests
{
    private const string OwnPlaylist = "spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PlayRequest Request(string mood) => new(mood, [OwnPlaylist, $"samples/music/{mood}"], Shuffle: false);

    private static PlayerFactory Factory(SpotifyTestHost spotify, PrivatePulseAudio? pulse) => new(
    [
        spotify.Provider,
        new LocalPlayerProvider(
            new LocalPlayerOptions { FadeMilliseconds = 0, MusicRoot = Shell.RepoRoot() },
            new PulseAudioSinkOptions { Server = pulse?.Server ?? "unix:/nonexistent/pulse/native" }),
        new ConsolePlayerProvider(NullLogger<ConsolePlayer>.Instance),
    ]);

    [Fact]
    public async Task When_Spotify_ends_the_login_the_built_in_player_takes_over_and_says_so_once()
    {
        await using var pulse = await PrivatePulseAudio.StartOrSkipAsync();
        await using var spotify = await SpotifyTestHost.StartAsync();
        spotify.Fake.AddActiveDevice();
        await spotify.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(10)); // the first request refreshes
        spotify.Fake.RevokeRefreshTokens();
        await using var player = Factory(spotify, pulse).Create("auto", out var warning);
        warning.ShouldBeNull();
        player.Name.ShouldBe("spotify");

        var first = await player.PlayAsync(Request("chill"), Ct);

        first.Started.ShouldBeTrue(first.Message);
        first.WarningId.ShouldBe(WarningIds.SpotifyLoginExpired);
        first.Message.ShouldBe("Your Spotify login has expired or was revoked; run 'orpheus login' to log in again (a Spotify login lasts 6 months). Meanwhile the local player plays.");
        first.Target!.ShouldContain("chill");
        player.Name.ShouldBe("local");
        player.Current.ShouldNotBeNull().Mood.ShouldBe("chill");
        File.Exists(spotify.TokenFile).ShouldBeFalse();

        var second = await player.PlayAsync(Request("energetic"), Ct);

        second.Started.ShouldBeTrue(second.Message);
        second.WarningId.ShouldBeNull();
        second.Message.ShouldBeNull();
        player.Current.ShouldNotBeNull().Mood.ShouldBe("energetic");
        await player.PauseAsync(Ct);
        player.Current.ShouldNotBeNull().IsPaused.ShouldBeTrue();
        spotify.Fake.Count("POST /api/token").ShouldBe(1);
        spotify.Fake.Requests.ShouldNotContain(r => r.Path.StartsWith("/v1/me/player", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_passing_Spotify_failure_keeps_Spotify_as_the_player()
    {
        await using var spotify = await SpotifyTestHost.StartAsync();
        await spotify.LogInDirectlyAsync(); // logged in, but no Spotify device is open
        await using var player = Factory(spotify, pulse: null).Create("auto", out _);

        var result = await player.PlayAsync(Request("chill"), Ct);

        result.Started.ShouldBeFalse();
        result.WarningId.ShouldBeNull();
        result.Message.ShouldNotBeNull().ShouldContain("No Spotify device");
        player.Name.ShouldBe("spotify");
    }

    [Fact]
    public async Task The_spotify_player_asked_for_by_name_reports_the_ended_login_without_falling_back()
    {
        await using var spotify = await SpotifyTestHost.StartAsync();
        await spotify.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(10));
        spotify.Fake.RevokeRefreshTokens();
        await using var player = Factory(spotify, pulse: null).Create("spotify", out _);

        var result = await player.PlayAsync(Request("chill"), Ct);

        result.Started.ShouldBeFalse();
        result.WarningId.ShouldBe(WarningIds.SpotifyLoginExpired);
        player.Name.ShouldBe("spotify");
    }
}
