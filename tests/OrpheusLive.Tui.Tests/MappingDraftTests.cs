using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests;

public sealed class MappingDraftTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orpheus-tui-").FullName;
    private readonly MappingDraft _draft = new(InMemoryMoodMapStore.DefaultMap(), InMemoryMoodMapStore.RealTargets);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void It_lists_every_canonical_emotion_in_order_and_the_moods_alphabetically()
    {
        var draft = new MappingDraft(new MoodMap(
            new Dictionary<string, string> { ["happy"] = "upbeat" },
            new Dictionary<string, MoodTargets> { ["upbeat"] = new(["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"]) }), InMemoryMoodMapStore.RealTargets);

        draft.Emotions.Select(e => $"{e.Emotion}={e.Mood}").ShouldBe([
            "neutral=", "calm=", "happy=upbeat", "sad=", "angry=", "fearful=", "disgust=", "surprised=",
        ]);
        _draft.Moods.ShouldBe(["chill", "comforting", "energetic", "upbeat"]);
        _draft.EmotionsUsing("chill").ShouldBe(["neutral", "calm"]);
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void Changing_an_emotions_mood_marks_the_draft_dirty_until_changed_back()
    {
        var result = _draft.SetMood("Happy", "energetic");

        result.ShouldBe(EditResult.Done("happy → energetic"));
        _draft.ToMap().MoodFor("happy").ShouldBe("energetic");
        _draft.IsDirty.ShouldBeTrue();

        _draft.SetMood("happy", "upbeat");
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_mood_or_emotion_is_refused()
    {
        _draft.SetMood("happy", "party").Ok.ShouldBeFalse();
        _draft.SetMood("hangry", "chill").Message.ShouldContain("not an emotion");
        _draft.IsDirty.ShouldBeFalse();
    }

    [Theory]
    [InlineData("spotify:playlist:37i9dQZF1DX0XUsuxWHRQd", "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd")]
    [InlineData("  SPOTIFY:Album:4aawyAB9vmqN3uQ7FjRGTy ", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    [InlineData("spotify:track:11dFghVXANMlKmJXsNCbNl", "spotify:track:11dFghVXANMlKmJXsNCbNl")]
    [InlineData("https://open.spotify.com/playlist/37i9dQZF1DX0XUsuxWHRQd?si=abc", "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd")]
    [InlineData("https://open.spotify.com/intl-de/album/4aawyAB9vmqN3uQ7FjRGTy", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy")]
    public void Spotify_uris_and_links_are_normalised(string input, string expected)
    {
        _draft.NormalizeTarget(input, out var error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Type a Spotify URI")]
    [InlineData("spotify:playlist:short", "not a valid Spotify URI")]
    [InlineData("https://example.com/playlist/37i9dQZF1DX0XUsuxWHRQd", "not an open.spotify.com")]
    [InlineData("ftp://music/x", "neither a Spotify URI")]
    [InlineData("/definitely/not/a/folder/orpheus", "does not exist")]
    public void Bad_targets_are_explained(string input, string expected)
    {
        _draft.NormalizeTarget(input, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void An_existing_local_folder_is_accepted()
    {
        _draft.NormalizeTarget(_folder, out var error).ShouldBe(_folder);
        error.ShouldBeNull();
    }

    [Fact]
    public void Adding_a_target_validates_normalises_and_refuses_duplicates()
    {
        _draft.AddTarget("chill", "not a playlist://x").Ok.ShouldBeFalse();
        _draft.TargetsOf("chill").Targets.Count.ShouldBe(1);

        var added = _draft.AddTarget("chill", "https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy");
        added.Ok.ShouldBeTrue();
        _draft.AddTarget("chill", _folder).Ok.ShouldBeTrue();
        _draft.TargetsOf("chill").Targets.ShouldBe(["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy", _folder]);

        var duplicate = _draft.AddTarget("chill", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy");
        duplicate.Ok.ShouldBeFalse();
        duplicate.Message.ShouldContain("already has");
        _draft.Validate().ShouldBeNull();
    }

    [Fact]
    public void Removing_a_target_keeps_at_least_one()
    {
        _draft.RemoveTarget("upbeat", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy").Ok.ShouldBeTrue();
        _draft.TargetsOf("upbeat").Targets.ShouldBe(["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"]);

        var last = _draft.RemoveTarget("upbeat", "spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
        last.Ok.ShouldBeFalse();
        last.Message.ShouldContain("only playlist");
        _draft.RemoveTarget("upbeat", "spotify:track:nope").Ok.ShouldBeFalse();
    }

    [Fact]
    public void Shuffle_toggles()
    {
        _draft.ToggleShuffle("comforting").Message.ShouldBe("Shuffle for 'comforting' is on");
        _draft.TargetsOf("comforting").Shuffle.ShouldBeTrue();
        _draft.ToggleShuffle("comforting");
        _draft.TargetsOf("comforting").Shuffle.ShouldBeFalse();
        _draft.ToggleShuffle("nope").Ok.ShouldBeFalse();
    }

    [Fact]
    public void A_new_mood_needs_a_free_valid_name_and_a_valid_first_playlist()
    {
        _draft.CheckNewMoodName("").ShouldNotBeNull();
        _draft.CheckNewMoodName("Chill").ShouldNotBeNull().ShouldContain("already exists");
        _draft.CheckNewMoodName("rock/roll").ShouldNotBeNull();
        _draft.CheckNewMoodName("Road Trip").ShouldBeNull();

        _draft.AddMood("road trip", "bogus").Ok.ShouldBeFalse();
        _draft.Moods.ShouldNotContain("road trip");

        _draft.AddMood("Road Trip", "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd").Ok.ShouldBeTrue();
        _draft.SetMood("surprised", "road trip").Ok.ShouldBeTrue();

        var map = _draft.ToMap();
        map.MoodFor("surprised").ShouldBe("road trip");
        map.TargetsFor("road trip")!.Targets.ShouldBe(["spotify:playlist:37i9dQZF1DX0XUsuxWHRQd"]);
        _draft.Validate().ShouldBeNull();
        Should.NotThrow(() => MoodMapSerializer.Validate(map, "test", InMemoryMoodMapStore.RealTargets, mustExist: false));
    }

    [Fact]
    public void A_mood_in_use_cannot_be_deleted()
    {
        _draft.RemoveMood("chill").Message.ShouldContain("neutral, calm");
        _draft.AddMood("spare", "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd");
        _draft.RemoveMood("spare").Ok.ShouldBeTrue();
        _draft.Moods.ShouldNotContain("spare");
    }

    [Fact]
    public void The_original_map_is_not_changed_by_edits()
    {
        var original = InMemoryMoodMapStore.DefaultMap();
        var draft = new MappingDraft(original, InMemoryMoodMapStore.RealTargets);

        draft.SetMood("happy", "chill");
        draft.AddTarget("chill", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy");

        original.MoodFor("happy").ShouldBe("upbeat");
        original.TargetsFor("chill")!.Targets.Count.ShouldBe(1);
    }
}
