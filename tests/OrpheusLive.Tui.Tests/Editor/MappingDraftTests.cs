using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests.Editor;

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
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void Assigning_an_existing_mood_marks_the_draft_dirty_until_changed_back()
    {
        var result = _draft.Assign("Happy", " Energetic ");

        result.ShouldBe(EditResult.Done("happy → energetic"));
        _draft.ToMap().MoodFor("happy").ShouldBe("energetic");
        _draft.IsDirty.ShouldBeTrue();

        _draft.Assign("happy", "upbeat");
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_emotion_or_a_bad_mood_name_is_refused()
    {
        _draft.Assign("hangry", "chill").Message.ShouldContain("not an emotion");
        _draft.Assign("happy", "rock/roll").Message.ShouldContain("A mood name uses letters");
        _draft.Assign("happy", new string('a', 41)).Ok.ShouldBeFalse();
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void A_new_mood_is_empty_until_it_gets_a_target_and_cannot_be_saved_before()
    {
        _draft.Assign("surprised", "Road Trip").ShouldBe(EditResult.Done("New mood 'road trip': add its first target below"));

        _draft.ProblemOf("road trip").ShouldNotBeNull().ShouldContain("no targets yet");
        _draft.Validate().ShouldNotBeNull().ShouldContain("mood 'road trip' has no targets");
        _draft.AddTarget("road trip", "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd").Ok.ShouldBeTrue();
        _draft.ProblemOf("road trip").ShouldBeNull();
        _draft.Validate().ShouldBeNull();
        _draft.ToMap().TargetsFor("road trip")!.Targets.ShouldBe(["spotify:playlist:37i9dQZF1DX0XUsuxWHRQd"]);
    }

    [Fact]
    public void A_new_mood_given_up_before_it_got_a_target_is_not_saved()
    {
        _draft.Assign("surprised", "road trip");
        _draft.Assign("surprised", "upbeat");

        _draft.Moods.ShouldContain("road trip");
        _draft.ToMap().Moods.Keys.ShouldNotContain("road trip");
        _draft.Validate().ShouldBeNull();
        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void An_empty_mood_unmaps_the_emotion_but_never_the_last_one()
    {
        _draft.Assign("calm", "").ShouldBe(EditResult.Done("calm is unmapped: it leaves the music alone"));
        _draft.ToMap().MoodFor("calm").ShouldBeNull();
        _draft.Assign("calm", null).ShouldBe(EditResult.Done("calm stays unmapped"));

        var single = new MappingDraft(new MoodMap(
            new Dictionary<string, string> { ["happy"] = "upbeat" },
            new Dictionary<string, MoodTargets> { ["upbeat"] = new(["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"]) }), InMemoryMoodMapStore.RealTargets);
        single.Assign("happy", " ").Message.ShouldContain("At least one emotion must start music");
        single.ToMap().MoodFor("happy").ShouldBe("upbeat");
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
        last.Message.ShouldContain("only target");
        _draft.RemoveTarget("upbeat", "spotify:track:nope").Ok.ShouldBeFalse();
    }

    [Fact]
    public void Shuffle_is_set_per_mood_and_saving_rebases_the_draft()
    {
        _draft.SetShuffle("comforting", true).Message.ShouldBe("Shuffle for 'comforting' is on");
        _draft.ToMap().TargetsFor("comforting")!.Shuffle.ShouldBeTrue();
        _draft.SetShuffle("nope", true).Ok.ShouldBeFalse();
        _draft.IsDirty.ShouldBeTrue();

        _draft.Rebase();

        _draft.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void The_original_map_is_not_changed_by_edits()
    {
        var original = InMemoryMoodMapStore.DefaultMap();
        var draft = new MappingDraft(original, InMemoryMoodMapStore.RealTargets);

        draft.Assign("happy", "chill");
        draft.AddTarget("chill", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy");

        original.MoodFor("happy").ShouldBe("upbeat");
        original.TargetsFor("chill")!.Targets.Count.ShouldBe(1);
    }
}
