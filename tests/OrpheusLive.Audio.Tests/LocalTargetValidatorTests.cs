using OrpheusLive.Audio.Playback;

namespace OrpheusLive.Audio.Tests;

public sealed class LocalTargetValidatorTests
{
    [Theory]
    [InlineData("spotify:playlist:37i9dQZF1DXdPec7aLTmlC")]
    [InlineData("https://open.spotify.com/playlist/37i9dQZF1DXdPec7aLTmlC")]
    [InlineData("ftp://host/music")]
    public void Uris_are_left_to_other_players(string target) =>
        new LocalTargetValidator(new LocalPlayerOptions()).Check(target, mustExist: true).ShouldBeNull();

    [Fact]
    public void A_folder_is_accepted_as_written_and_must_exist_only_when_asked()
    {
        var validator = new LocalTargetValidator(new LocalPlayerOptions());

        validator.Check("music/not-here", mustExist: false)!.Target.ShouldBe("music/not-here");
        var missing = validator.Check("/definitely/not/here", mustExist: true).ShouldNotBeNull();
        missing.Target.ShouldBeNull();
        missing.Error.ShouldBe("the local folder '/definitely/not/here' does not exist");
    }

    [Fact]
    public void A_relative_folder_is_checked_against_the_music_root_and_kept_relative()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(root.Path, "chill"));
        var validator = new LocalTargetValidator(new LocalPlayerOptions { MusicRoot = root.Path });

        validator.Check("chill", mustExist: true)!.Target.ShouldBe("chill");
        validator.Check("upbeat", mustExist: true)!.Error.ShouldNotBeNull().ShouldContain("does not exist");
    }

    [Fact]
    public void An_existing_absolute_folder_is_accepted()
    {
        using var folder = new TempDirectory();

        new LocalTargetValidator(new LocalPlayerOptions()).Check(folder.Path, mustExist: true)!.Target.ShouldBe(folder.Path);
    }
}
