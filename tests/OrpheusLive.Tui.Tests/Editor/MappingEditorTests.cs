using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Tests.Harness;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Tests.Editor;

/// <summary>The mapping editor on the real file store, driven by keys and read from the headless screen.</summary>
public sealed class MappingEditorTests(ITestOutputHelper output)
{
    private static CancellationToken Stop => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_shows_every_emotion_with_its_mood_targets_and_shuffle()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);

        var rows = editor.Ui.Rows();
        output.WriteLine(string.Join('\n', rows));

        rows[0].ShouldStartWith($"Mapping editor — {editor.UserFile}");
        RowOf(rows, "happy").ShouldMatch(@"happy\s*│upbeat\s*│on\s*│spotify:playlist:37i9dQZF1DXdPec7aLTmlC, spotify:album:4aawyAB9vmqN3uQ7FjRGTy");
        RowOf(rows, "sad").ShouldMatch(@"sad\s*│comforting\s*│off\s*│spotify:playlist:37i9dQZF1DX3YSRoSdA634");
        foreach (var emotion in Core.Emotions.EmotionLabels.Canonical)
        {
            RowOf(rows, emotion).ShouldNotBeNull();
        }

        var screen = string.Join('\n', rows);
        screen.ShouldContain("Esc  Leave (quit)");
        screen.ShouldContain("Ctrl+S  Save");
        screen.ShouldContain("F2  Folder…");
    }

    [Fact]
    public async Task A_mood_changed_in_place_is_saved_atomically_through_the_store()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.Enter); // happy's row, into its mood field
        ui.Type("energetic").Press(Key.Enter);

        var screen = ui.Screen();
        screen.ShouldContain("✓ happy → energetic");
        RowOf(ui.Rows(), "happy").ShouldContain("│energetic");
        screen.ShouldContain("(unsaved changes: Ctrl+S saves)");
        File.Exists(editor.UserFile).ShouldBeFalse("nothing is written before saving");

        ui.Press(Key.S.WithCtrl);

        ui.Screen().ShouldContain($"✓ Saved to {editor.UserFile}");
        ui.Screen().ShouldNotContain("unsaved changes");
        editor.Saved().MoodFor("happy").ShouldBe("energetic");
        editor.Store.Current.MoodFor("happy").ShouldBe("energetic");
        Directory.GetFiles(editor.Folder).Select(f => Path.GetFileName(f)!).Order().ToArray().ShouldBe(["default-moods.json", "moods.json"], customMessage: "no temporary file is left behind");

        ui.Press(Key.Esc);
        (await editor.Result).ShouldBe(MappingEditorResult.Saved);
    }

    [Fact]
    public async Task An_invalid_mood_name_is_explained_next_to_the_field_and_changes_nothing()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.Enter).Type("no!good").Press(Key.Enter);

        var moodRow = RowOf(ui.Rows(), "Mood ");
        moodRow.ShouldContain("no!good");
        moodRow.ShouldContain("✗ A mood name uses letters, digits");
        RowOf(ui.Rows(), "neutral").ShouldContain("│chill");
        ui.Screen().ShouldNotContain("unsaved changes");
    }

    [Fact]
    public async Task A_new_mood_needs_a_target_before_the_mapping_can_be_saved()
    {
        var music = Directory.CreateTempSubdirectory("orpheus-music-").FullName;
        try
        {
            await using var editor = await EditorFixture.StartAsync(stop: Stop);
            var ui = editor.Ui;

            ui.Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.Enter); // sad
            ui.Type("rainy day").Press(Key.Enter);
            ui.Screen().ShouldContain("✓ New mood 'rainy day': add its first target below");
            RowOf(ui.Rows(), "sad").ShouldContain("│rainy day");
            RowOf(ui.Rows(), "sad").ShouldContain("✗ none yet");

            ui.Press(Key.S.WithCtrl);
            ui.Screen().ShouldContain("✗ Not saved: mapping: mood 'rainy day' has no targets");
            File.Exists(editor.UserFile).ShouldBeFalse();

            ui.Press(Key.Tab).Press(Key.Tab).Type(music).Press(Key.Enter); // mood → targets → add
            ui.Screen().ShouldContain($"✓ Added {music} to 'rainy day'");
            ui.Press(Key.S.WithCtrl);

            editor.Saved().MoodFor("sad").ShouldBe("rainy day");
            editor.Saved().TargetsFor("rainy day")!.Targets.ShouldBe([music]);
        }
        finally
        {
            Directory.Delete(music, recursive: true);
        }
    }

    [Fact]
    public async Task A_mood_name_with_underscores_is_shown_literally()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.Enter).Type("road_trip").Press(Key.Enter);

        var screen = ui.Screen();
        screen.ShouldContain("✓ New mood 'road_trip': add its first target below");
        RowOf(ui.Rows(), "neutral").ShouldContain("│road_trip");
    }

    [Fact]
    public async Task A_typed_target_is_checked_next_to_the_field_and_a_link_is_normalised()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;
        ui.Press(Key.Enter).Press(Key.Tab).Press(Key.Tab); // neutral: mood → targets → add

        ui.Type("spotify:playlist:oops").Press(Key.Enter);
        var rows = ui.Rows();
        var add = Array.FindIndex(rows, r => r.Contains("spotify:playlist:oops", StringComparison.Ordinal));
        rows[add + 1].ShouldContain("✗ ");
        rows[add + 1].ShouldContain("spotify:playlist:oops");

        ui.Press(Key.A.WithCtrl).Type("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy?si=x").Press(Key.Enter);

        ui.Screen().ShouldContain("✓ Added spotify:album:4aawyAB9vmqN3uQ7FjRGTy to 'chill'");
        RowOf(ui.Rows(), "neutral").ShouldContain("spotify:playlist:37i9dQZF1DX4WYpdgoIcn6, spotify:album:4aawyAB9vmqN3uQ7FjRGTy");
        RowOf(ui.Rows(), "calm").ShouldContain("spotify:album:4aawyAB9vmqN3uQ7FjRGTy", Case.Sensitive, "calm plays chill too");
    }

    [Fact]
    public async Task The_last_target_of_a_mood_cannot_be_removed_and_another_one_can()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.Enter).Press(Key.Tab).Press(Key.DeleteChar); // neutral → chill's only target
        ui.Screen().ShouldContain("✗ spotify:playlist:37i9dQZF1DX4WYpdgoIcn6 is the only target of 'chill'; add another one");

        ui.Press(Key.Esc); // nothing changed: leaves at once
        await editor.Ui.ClosedAsync();
        (await editor.Result).ShouldBe(MappingEditorResult.Unchanged);
        File.Exists(editor.UserFile).ShouldBeFalse();
    }

    [Fact]
    public async Task An_emptied_mood_leaves_the_emotion_unmapped_and_discarding_forgets_it()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.CursorDown).Press(Key.Enter).Press(Key.Backspace).Press(Key.Enter); // calm: no mood
        ui.Screen().ShouldContain("✓ calm is unmapped: it leaves the music alone");
        RowOf(ui.Rows(), "calm").ShouldContain("(not mapped)");

        ui.Press(Key.Esc).Press(Key.D); // discard
        await editor.Ui.ClosedAsync();
        (await editor.Result).ShouldBe(MappingEditorResult.Discarded);
    }

    [Fact]
    public async Task Shuffle_toggles_for_the_mood_and_every_emotion_that_uses_it()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;

        ui.Press(Key.Enter).Press(Key.Tab).Press(Key.Tab).Press(Key.Tab).Press(Key.Space); // neutral: mood → targets → add → shuffle

        RowOf(ui.Rows(), "neutral").ShouldMatch(@"│chill\s*│off");
        RowOf(ui.Rows(), "calm").ShouldMatch(@"│chill\s*│off");
        ui.Press(Key.S.WithCtrl);
        editor.Saved().TargetsFor("chill")!.Shuffle.ShouldBeFalse();
    }

    [Fact]
    public async Task A_folder_picked_in_the_folder_dialog_becomes_a_target()
    {
        var music = Directory.CreateTempSubdirectory("orpheus-music-").FullName;
        try
        {
            await using var editor = await EditorFixture.StartAsync(stop: Stop);
            var ui = editor.Ui;

            ui.Press(Key.F2);
            ui.Screen().ShouldContain("Pick a music folder");
            ui.Press(Key.A.WithCtrl).Type(music).Press(Key.Enter);

            ui.Screen().ShouldContain($"✓ Added {music} to 'chill'");
            ui.Press(Key.S.WithCtrl);
            editor.Saved().TargetsFor("chill")!.Targets.ShouldContain(music);
        }
        finally
        {
            Directory.Delete(music, recursive: true);
        }
    }

    [Fact]
    public async Task A_playlist_from_a_catalog_becomes_a_target()
    {
        var playlists = new TestCatalog("Spotify playlists",
            new TargetChoice("Morning run (42 tracks)", "spotify:playlist:1111111111111111111111"),
            new TargetChoice("Rainy day (17 tracks)", "spotify:playlist:2222222222222222222222"));
        await using var editor = await EditorFixture.StartAsync(catalogs: [playlists], stop: Stop);
        var ui = editor.Ui;
        ui.Screen().ShouldContain("F3  Spotify playlists…");

        ui.Press(Key.F3);
        ui.WaitFor(s => s.Contains("Rainy day (17 tracks)", StringComparison.Ordinal), "the playlists");
        ui.Press(Key.CursorDown).Press(Key.Enter);

        ui.Screen().ShouldContain("✓ Added spotify:playlist:2222222222222222222222 to 'chill'");
    }

    [Fact]
    public async Task Esc_with_unsaved_changes_asks_and_keep_editing_keeps_them()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;
        ui.Press(Key.Enter).Type("upbeat").Press(Key.Enter); // neutral → upbeat

        ui.Press(Key.Esc);
        ui.Screen().ShouldContain("The mapping has changes that are not saved.");
        ui.Press(Key.Esc); // the question's Esc: keep editing

        ui.Screen().ShouldContain("(unsaved changes: Ctrl+S saves)");
        ui.Press(Key.Esc).Press(Key.S); // save and leave
        await editor.Ui.ClosedAsync();

        (await editor.Result).ShouldBe(MappingEditorResult.Saved);
        editor.Saved().MoodFor("neutral").ShouldBe("upbeat");
    }

    [Fact]
    public async Task An_unreadable_mapping_file_is_explained_and_left_untouched()
    {
        const string broken = "{ \"emotions\": { \"happy\": \"upbeat\" }, \"moods\": ";
        await using var editor = await EditorFixture.StartAsync(userFile: broken, stop: Stop);
        var ui = editor.Ui;

        var screen = ui.Screen();
        screen.ShouldContain("The mapping file could not be read");
        screen.ShouldContain($"{editor.UserFile}: not valid JSON");
        screen.ShouldContain("Start from the mapping in use");

        ui.Press(Key.L);
        await ui.ClosedAsync();

        (await editor.Result).ShouldBe(MappingEditorResult.Unchanged);
        (await File.ReadAllTextAsync(editor.UserFile, Stop)).ShouldBe(broken);
        Directory.GetFiles(editor.Folder).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Starting_from_the_mapping_in_use_keeps_the_unreadable_file_as_a_backup_when_saving()
    {
        const string broken = "{ \"emotions\": { \"happy\": \"nowhere\" }, \"moods\": {} }";
        await using var editor = await EditorFixture.StartAsync(userFile: broken, stop: Stop);
        var ui = editor.Ui;
        ui.Screen().ShouldContain("emotion 'happy' maps to mood 'nowhere',");

        ui.Press(Key.S); // start from the mapping in use
        RowOf(ui.Rows(), "happy").ShouldContain("│upbeat", Case.Sensitive, "the store fell back to the shipped mapping");
        ui.Press(Key.Enter).Type("energetic").Press(Key.Enter).Press(Key.S.WithCtrl);

        var backup = Directory.GetFiles(editor.Folder, "*.bak").ShouldHaveSingleItem("one backup, the store's");
        backup.ShouldBe(editor.Store.BackupFilePath);
        (await File.ReadAllTextAsync(backup, Stop)).ShouldBe(broken);
        editor.Saved().MoodFor("neutral").ShouldBe("energetic");
        ui.Screen().ShouldContain($"✓ Saved; the unreadable file was kept beside it as {Path.GetFileName(backup)}.");
    }

    [Fact]
    public async Task Ctrl_c_leaves_without_saving()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        editor.Ui.Press(Key.Enter).Type("upbeat").Press(Key.Enter);

        editor.Ui.Press(Key.C.WithCtrl);
        await editor.Ui.ClosedAsync();

        (await editor.Result).ShouldBe(MappingEditorResult.Discarded);
        File.Exists(editor.UserFile).ShouldBeFalse();
    }

    [Fact]
    public async Task The_editor_fits_80_by_24_without_colour()
    {
        await using var editor = await EditorFixture.StartAsync(width: 80, height: 24, noColor: true, stop: Stop);

        var rows = editor.Ui.Rows();
        output.WriteLine(string.Join('\n', rows));
        rows.Take(24).ShouldAllBe(r => r.Length <= 80);
        foreach (var emotion in Core.Emotions.EmotionLabels.Canonical)
        {
            RowOf(rows, emotion).ShouldNotBeNull();
        }

        rows[23].ShouldContain("Save");
        RowOf(rows, "sad").ShouldMatch(@"sad\s*│comforting\s*│off\s*│spotify:playlist:", "every column is visible; the targets are cut");
        editor.Ui.Ansi().ShouldNotMatch(@"\u001b\[[0-9;]*(?<!\d)(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)");
    }

    [Fact]
    public async Task The_table_follows_a_resize_to_80_by_24_and_back_cutting_only_the_targets()
    {
        await using var editor = await EditorFixture.StartAsync(stop: Stop);
        var ui = editor.Ui;
        RowOf(ui.Rows(), "happy").ShouldContain("spotify:album:4aawyAB9vmqN3uQ7FjRGTy");

        var rows = ui.Resize(80, 24).Rows();

        rows.Take(24).ShouldAllBe(r => r.Length <= 80);
        RowOf(rows, "Emotion").ShouldMatch(@"Emotion\s*│Mood\s*│Shuffle│Targets");
        RowOf(rows, "happy").ShouldMatch(@"happy\s*│upbeat\s*│on\s*│spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "every column is visible; the targets are cut");
        RowOf(rows, "happy").ShouldNotContain("4aawyAB9vmqN3uQ7FjRGTy");
        rows[23].ShouldContain("Save");
        RowOf(ui.Resize(110, 34).Rows(), "happy").ShouldContain("spotify:album:4aawyAB9vmqN3uQ7FjRGTy", Case.Sensitive, "the targets have the room again");
    }

    private static string RowOf(string[] rows, string startsWith) =>
        rows.FirstOrDefault(r => r.TrimStart('│', ' ').StartsWith(startsWith, StringComparison.Ordinal))
        ?? throw new ShouldAssertException($"No row starts with '{startsWith}':\n{string.Join('\n', rows)}");
}
