using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Mpris.Tests;

/// <summary>The pure mapping of the pipeline state onto MPRIS property values.</summary>
public sealed class MprisSnapshotTests
{
    private static PipelineState Playing(string mood, string target, string? title, bool paused = false) =>
        PipelineState.Initial with { Playback = new PlaybackState("local", null, new NowPlaying(mood, target, title, null, paused)) };

    [Fact]
    public void Nothing_playing_is_stopped_with_nothing_to_control()
    {
        var snapshot = MprisSnapshot.From(PipelineState.Initial, MprisSnapshot.Initial);

        snapshot.PlaybackStatus.ShouldBe("Stopped");
        snapshot.Track.ShouldBeNull();
        (snapshot.CanPlay, snapshot.CanPause, snapshot.CanGoNext).ShouldBe((false, false, false));
    }

    [Fact]
    public void Pausing_keeps_the_track_and_a_new_title_is_a_new_track()
    {
        var playing = MprisSnapshot.From(Playing("chill", "/m/chill", "One"), MprisSnapshot.Initial);
        var paused = MprisSnapshot.From(Playing("chill", "/m/chill", "One", paused: true), playing);
        var next = MprisSnapshot.From(Playing("chill", "/m/chill", "Two"), paused);

        playing.PlaybackStatus.ShouldBe("Playing");
        paused.PlaybackStatus.ShouldBe("Paused");
        paused.Track.ShouldBeSameAs(playing.Track);
        MprisProperties.Changed(playing, paused).Select(p => p.Key).ShouldBe(["PlaybackStatus"]);
        next.Track!.Number.ShouldBe(playing.Track!.Number + 1);
        MprisProperties.Changed(paused, next).Select(p => p.Key).ShouldBe(["PlaybackStatus", "Metadata"]);
    }

    [Fact]
    public void A_track_after_a_stop_never_reuses_an_earlier_track_id()
    {
        var first = MprisSnapshot.From(Playing("chill", "/m/chill", "One"), MprisSnapshot.Initial);
        var stopped = MprisSnapshot.From(PipelineState.Initial, first);
        var again = MprisSnapshot.From(Playing("chill", "/m/chill", "One"), stopped);

        stopped.Track.ShouldBeNull();
        again.Track!.TrackId.ShouldNotBe(first.Track!.TrackId);
        MprisProperties.Changed(first, stopped).Select(p => p.Key).ShouldBe(["PlaybackStatus", "Metadata", "CanPlay", "CanPause", "CanGoNext"]);
    }

    [Theory]
    [InlineData("/home/me/Music/chill/", "chill")]
    [InlineData("/home/me/Music/chill/rain.ogg", "rain.ogg")]
    [InlineData("spotify:album:1DFixLWuPkv3KT3TnV35m3", "spotify:album:1DFixLWuPkv3KT3TnV35m3")]
    public void Without_a_title_the_title_is_the_file_folder_or_uri(string target, string title) =>
        MprisSnapshot.From(Playing("chill", target, null), MprisSnapshot.Initial).Track!.Title.ShouldBe(title);
}
