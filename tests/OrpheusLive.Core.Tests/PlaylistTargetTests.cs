using OrpheusLive.Core.Moods;

namespace OrpheusLive.Core.Tests;

public sealed class PlaylistTargetTests
{
    [Theory]
    [InlineData("spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "spotify:playlist:37i9dQZF1DXdPec7aLTmlC")]
    [InlineData("  Spotify:Album:4aawyAB9vmqN3uQ7FjRGTy ", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    [InlineData("https://open.spotify.com/track/11dFghVXANMlKmJXsNCbNl?si=1234", "spotify:track:11dFghVXANMlKmJXsNCbNl")]
    [InlineData("https://open.spotify.com/intl-de/album/4aawyAB9vmqN3uQ7FjRGTy", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    [InlineData("music/chill", "music/chill")]
    public void Valid_targets_are_normalised(string input, string expected)
    {
        PlaylistTarget.Normalize(input, requireLocalExists: false, out var error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("spotify:playlist:short", "not a valid Spotify URI")]
    [InlineData("spotify:show:37i9dQZF1DXdPec7aLTmlC", "not a valid Spotify URI")]
    [InlineData("https://example.com/playlist/37i9dQZF1DXdPec7aLTmlC", "not an open.spotify.com")]
    [InlineData("ftp://host/music", "neither a Spotify URI")]
    public void Invalid_targets_say_why(string input, string expected)
    {
        PlaylistTarget.Normalize(input, requireLocalExists: false, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void A_local_folder_must_exist_when_asked()
    {
        PlaylistTarget.Normalize("/definitely/not/here", requireLocalExists: true, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("does not exist");
        PlaylistTarget.Normalize(Path.GetTempPath(), requireLocalExists: true, out _).ShouldNotBeNull();
    }
}
