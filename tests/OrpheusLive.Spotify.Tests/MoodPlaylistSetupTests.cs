using OrpheusLive.Core.Moods;
using OrpheusLive.Spotify.Tests.Fakes;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

/// <summary>After the first login, the moods that rely on Spotify's editorial playlists get the user's own.</summary>
public sealed class MoodPlaylistSetupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SpotifyTestHost> StartWithLibraryAsync()
    {
        var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        host.Fake.Playlists.Add(new FakePlaylist("1rainyDayJazzxxxxxxxxx", "Rainy Day Jazz", Tracks: 42));
        host.Fake.Playlists.Add(new FakePlaylist("37i9dQZF1DWZqd5JICZI0u", "Peaceful Piano", Tracks: 200, OwnerId: "spotify", OwnerName: "Spotify"));
        host.Fake.Playlists.Add(new FakePlaylist("2workoutxxxxxxxxxxxxxx", "Workout", Tracks: 30, OwnerId: "friend", OwnerName: "A Friend", Collaborative: true));
        return host;
    }

    [Fact]
    public async Task Each_mood_on_editorial_playlists_gets_the_playlist_the_user_picks_and_the_mapping_is_saved_once()
    {
        await using var host = await StartWithLibraryAsync();
        var output = new StringWriter();

        // Moods in name order: chill, comforting, energetic, exciting, upbeat. Pick, skip, a typo then a pick, then the input ends.
        var chosen = await host.PlaylistSetup.OfferAsync(new StringReader("1\n\nx\n2\n"), output, interactive: true, Ct);

        chosen.ShouldBe(new Dictionary<string, string>
        {
            ["chill"] = "spotify:playlist:1rainyDayJazzxxxxxxxxx",
            ["energetic"] = "spotify:playlist:2workoutxxxxxxxxxxxxxx",
        });
        host.Moods.Saves.ShouldBe(1);
        var map = host.Moods.Current;
        map.Moods["chill"].Targets.ShouldBe(["spotify:playlist:1rainyDayJazzxxxxxxxxx", "samples/music/chill"]);
        map.Moods["chill"].Shuffle.ShouldBeTrue();
        map.Moods["energetic"].Targets.ShouldBe(["spotify:playlist:2workoutxxxxxxxxxxxxxx", "samples/music/energetic"]);
        map.Moods["comforting"].Targets.ShouldBe(InMemoryMoodMapStore.Shipped().Moods["comforting"].Targets);
        map.Emotions.ShouldBe(InMemoryMoodMapStore.Shipped().Emotions);

        var text = output.ToString();
        text.ShouldContain("1  Rainy Day Jazz, 42 tracks, by Test Listener");
        text.ShouldContain("2  Workout, 30 tracks, by A Friend");
        text.ShouldNotContain("Peaceful Piano"); // Spotify's own: the app could not read it either
        text.ShouldContain("'x' is not on the list: type a number from 1 to 2, or press Enter to skip 'energetic'.");
        text.ShouldContain("Saved chill → Rainy Day Jazz, energetic → Workout in /home/test/.config/orpheus/moods.json.");
        MoodPlaylistSetupOf(map).ShouldBe(["comforting", "exciting", "upbeat"]);
    }

    [Fact]
    public async Task Without_a_terminal_it_asks_nothing_and_says_how_to_choose_later()
    {
        await using var host = await StartWithLibraryAsync();
        host.Fake.ClearRequests();
        var output = new StringWriter();

        var chosen = await host.PlaylistSetup.OfferAsync(new StringReader("1\n"), output, interactive: false, Ct);

        chosen.ShouldBeEmpty();
        host.Moods.Saves.ShouldBe(0);
        host.Fake.Requests.ShouldBeEmpty();
        output.ToString().Trim().ShouldBe(
            "Your mood mapping still plays Spotify's own editorial playlists (chill, comforting, energetic, exciting, upbeat), which new Spotify apps cannot use: " +
            "run 'orpheus login' in a terminal or 'orpheus map' to choose your own playlists.");
    }

    [Fact]
    public async Task A_mapping_on_the_users_own_playlists_is_left_alone_without_a_word()
    {
        await using var host = await StartWithLibraryAsync();
        var own = new MoodMap(
            new Dictionary<string, string> { ["neutral"] = "chill" },
            new Dictionary<string, MoodTargets> { ["chill"] = new(["spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk", "samples/music/chill"]) });
        await host.Moods.SaveAsync(own, Ct);
        host.Fake.ClearRequests();
        var output = new StringWriter();

        var chosen = await host.PlaylistSetup.OfferAsync(new StringReader("1\n"), output, interactive: true, Ct);

        chosen.ShouldBeEmpty();
        output.ToString().ShouldBeEmpty();
        host.Fake.Requests.ShouldBeEmpty();
        host.Moods.Saves.ShouldBe(1);
    }

    [Fact]
    public async Task A_library_without_playlists_of_the_users_own_gets_one_hint_and_no_prompt()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        host.Fake.Playlists.Add(new FakePlaylist("37i9dQZF1DWZqd5JICZI0u", "Peaceful Piano", OwnerId: "spotify", OwnerName: "Spotify"));
        var output = new StringWriter();

        await host.PlaylistSetup.OfferAsync(new StringReader("1\n"), output, interactive: true, Ct);

        output.ToString().ShouldContain("has no playlist of your own yet");
        output.ToString().ShouldNotContain("Playlist for");
        host.Moods.Saves.ShouldBe(0);
    }

    [Fact]
    public async Task Spotify_failing_to_list_the_playlists_is_one_line_and_nothing_is_saved()
    {
        await using var host = await StartWithLibraryAsync();
        host.Fake.Fail("GET /v1/me/playlists", 503, times: 10);
        var output = new StringWriter();

        var chosen = await host.PlaylistSetup.OfferAsync(new StringReader("1\n"), output, interactive: true, Ct);

        chosen.ShouldBeEmpty();
        var line = output.ToString().Trim();
        line.Split('\n').Length.ShouldBe(1);
        line.ShouldStartWith("Could not list your Spotify playlists (Spotify is having trouble (HTTP 503)");
        line.ShouldEndWith("choose them later with 'orpheus map'.");
        host.Moods.Saves.ShouldBe(0);
    }

    [Fact]
    public async Task Skipping_every_mood_saves_nothing()
    {
        await using var host = await StartWithLibraryAsync();
        var output = new StringWriter();

        var chosen = await host.PlaylistSetup.OfferAsync(new StringReader("\n\n\n\n\n"), output, interactive: true, Ct);

        chosen.ShouldBeEmpty();
        host.Moods.Saves.ShouldBe(0);
        output.ToString().ShouldContain("No playlist chosen; the mapping is unchanged");
    }

    private static IReadOnlyList<string> MoodPlaylistSetupOf(MoodMap map) => OrpheusLive.Spotify.Setup.MoodPlaylistSetup.MoodsOnEditorialPlaylists(map);
}
