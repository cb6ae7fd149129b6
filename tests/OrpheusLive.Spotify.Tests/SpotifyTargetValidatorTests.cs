using OrpheusLive.Spotify.Playback;

namespace OrpheusLive.Spotify.Tests;

public sealed class SpotifyTargetValidatorTests
{
    private readonly SpotifyTargetValidator _spotify = new();

    [Theory]
    [InlineData("spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify:playlist:37i9dQZF1DXdPec7aLTmlC")]
    [InlineData("  Spotify:Album:4aawyAB9vmqN3uQ7FjRGTy ", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    [InlineData("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?si=1234", "spotify:track:11dFghVXANMlKmJXsNCbNl")]
    [InlineData("https://open.spotify.com/intl-de/album/4aawyAB9vmqN3uQ7FjRGTy", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    public void Uris_and_links_are_normalised_to_uris(string input, string expected)
    {
        var check = _spotify.Check(input, mustExist: true).ShouldNotBeNull();

        check.Target.ShouldBe(expected);
        check.Error.ShouldBeNull();
        SpotifyTargetValidator.ToUri(input).ShouldBe(expected);
    }

    [Theory]
    [InlineData("spotify:playlist:short", "not a valid Spotify URI")]
    [InlineData("spotify:show:37i9dQZF1DXdPec7aLTmlC", "not a valid Spotify URI")]
    [InlineData("https://example.com/playlist/37i9dQZF1DXdPec7aLTmlC", "not an open.spotify.com")]
    public void Spotify_looking_targets_that_are_wrong_say_why(string input, string expected)
    {
        var check = _spotify.Check(input, mustExist: false).ShouldNotBeNull();

        check.Target.ShouldBeNull();
        check.Error.ShouldNotBeNull().ShouldContain(expected);
        SpotifyTargetValidator.ToUri(input).ShouldBeNull();
    }

    [Theory]
    [InlineData("music/chill")]
    [InlineData("/home/me/Music")]
    [InlineData("ftp://host/music")]
    public void Other_targets_are_left_to_other_players(string input) => _spotify.Check(input, mustExist: false).ShouldBeNull();
}
