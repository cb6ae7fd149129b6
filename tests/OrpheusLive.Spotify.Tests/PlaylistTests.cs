using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Tests.Fakes;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class PlaylistTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task My_playlists_are_read_page_by_page_with_names_owners_and_track_counts()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        for (var i = 1; i <= 120; i++)
        {
            host.Fake.Playlists.Add(new FakePlaylist($"pl{i:D3}xxxxxxxxxxxxxxxx", $"Mix {i}", Tracks: i));
        }

        host.Fake.Playlists.Add(new FakePlaylist("37i9dQZF1DWZqd5JICZI0u", "Peaceful Piano", Tracks: 200, OwnerId: "spotify", OwnerName: "Spotify"));

        var playlists = await host.Client.GetMyPlaylistsAsync(Ct);

        playlists.Count.ShouldBe(121);
        playlists[0].Name.ShouldBe("Mix 1");
        playlists[0].Uri.ShouldBe("spotify:playlist:pl001xxxxxxxxxxxxxxxx");
        playlists[119].ItemCount.ShouldBe(120);
        playlists[0].Owner!.DisplayName.ShouldBe("Test Listener");
        playlists[0].IsEditorial.ShouldBeFalse();
        playlists[120].IsEditorial.ShouldBeTrue();
        playlists[120].Owner!.Id.ShouldBe("spotify");
        host.Fake.Requests.Where(r => r.Route == "GET /v1/me/playlists").Select(r => r.Query)
            .ShouldBe(["?limit=50&offset=0", "?limit=50&offset=50", "?limit=50&offset=100"]);
    }

    [Fact]
    public async Task An_empty_library_is_an_empty_list_after_one_request()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();

        (await host.Client.GetMyPlaylistsAsync(Ct)).ShouldBeEmpty();

        host.Fake.Count("GET /v1/me/playlists").ShouldBe(1);
    }

    [Fact]
    public async Task An_account_missing_from_the_apps_user_list_is_told_the_development_mode_rules()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        host.Fake.UserNotRegistered = true;

        var error = await Should.ThrowAsync<SpotifyApiException>(() => host.Client.GetMyPlaylistsAsync(Ct));

        error.Message.ShouldBe(SpotifyMessages.UserNotRegistered);
        error.Message.ShouldContain("User Management");
        error.Message.ShouldContain("at most 5");
        error.Message.ShouldContain("Premium");
    }

    [Theory]
    [InlineData("spotify:playlist:37i9dQZF1DX4WYpdgoIcn6", true)]
    [InlineData("https://open.spotify.com/playlist/37i9dQZF1DX4WYpdgoIcn6?si=abc", true)]
    [InlineData("spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk", false)]
    [InlineData("https://open.spotify.com/playlist/4rOoJ6Egrf8K2IrywzwOMk", false)]
    [InlineData("spotify:album:37i9dQZF1DX4WYpdgoIcn6", false)]
    [InlineData("samples/music/chill", false)]
    public void Spotify_owned_playlists_are_recognised_by_their_id(string target, bool editorial) =>
        SpotifyEditorialPlaylists.IsEditorial(target).ShouldBe(editorial);
}
