using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests;

/// <summary>The editor driven by scripted keys, as a user would: arrows and Enter in menus, typing in text prompts.</summary>
public sealed class MappingEditorTests
{
    private readonly ScriptedConsole _console = new(100, 40, ansi: true); // Spectre list prompts need ANSI
    private readonly InMemoryMoodMapStore _store = new(InMemoryMoodMapStore.DefaultMap());

    private Task<MappingEditorResult> Run() =>
        new MappingEditor(_console, _store, MappingEditorLabels.Dashboard).RunAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task It_lists_the_mapping_and_leaves_with_the_last_menu_entry()
    {
        _console.Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter);

        (await Run()).ShouldBe(MappingEditorResult.Unchanged);

        var text = _console.Text();
        text.ShouldContain("Mapping editor");
        text.ShouldContain("happy     → upbeat");
        text.ShouldContain("Mood → playlists");
        text.ShouldContain("comforting (in order)");
        text.ShouldContain("spotify:album:4aawyAB9vmqN3uQ7FjRGTy");
        text.ShouldContain("Return to the dashboard without saving");
        _store.Saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changing_an_emotions_mood_and_saving_goes_through_the_store()
    {
        _console
            .Press(ConsoleKey.Enter)                                  // Change an emotion's mood
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter)   // happy
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter)   // energetic (chill, comforting, energetic, upbeat)
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter);  // Save and return

        (await Run()).ShouldBe(MappingEditorResult.Saved);

        _store.Saved.Single().MoodFor("happy").ShouldBe("energetic");
        _store.Current.MoodFor("happy").ShouldBe("energetic");
        _console.Text().ShouldContain("happy → energetic");
    }

    [Fact]
    public async Task A_bad_playlist_is_explained_and_asked_again()
    {
        _console
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)      // Edit a mood's playlists
            .Press(ConsoleKey.Enter)                                  // chill
            .Press(ConsoleKey.Enter)                                  // Add a playlist
            .Type("spotify:playlist:oops\r")
            .Type("https://open.spotify.com/album/4aawyAB9vmqN3uQ7FjRGTy\r")
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // Back
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter);  // Save

        (await Run()).ShouldBe(MappingEditorResult.Saved);

        _console.Text().ShouldContain("'spotify:playlist:oops' is not a valid Spotify URI");
        _store.Saved.Single().TargetsFor("chill")!.Targets
            .ShouldBe(["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6", "spotify:album:4aawyAB9vmqN3uQ7FjRGTy"]);
    }

    [Fact]
    public async Task An_empty_answer_cancels_adding_a_playlist()
    {
        _console
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)
            .Press(ConsoleKey.Enter)
            .Press(ConsoleKey.Enter)                                  // Add a playlist
            .Press(ConsoleKey.Enter)                                  // empty: cancel
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // Back
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter);       // leave

        (await Run()).ShouldBe(MappingEditorResult.Unchanged);
    }

    [Fact]
    public async Task A_new_mood_is_created_with_its_first_playlist()
    {
        _console
            .Press(ConsoleKey.Enter)                                  // Change an emotion's mood
            .Press(ConsoleKey.UpArrow, 2).Press(ConsoleKey.Enter)     // surprised (wraps from the top past Back)
            .Press(ConsoleKey.UpArrow, 2).Press(ConsoleKey.Enter)     // + New mood…
            .Type("chill\r")                                          // taken: asked again
            .Type("Road Trip\r")
            .Type("spotify:playlist:37i9dQZF1DX0XUsuxWHRQd\r")
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter);  // Save

        (await Run()).ShouldBe(MappingEditorResult.Saved);

        _console.Text().ShouldContain("already exists");
        var saved = _store.Saved.Single();
        saved.MoodFor("surprised").ShouldBe("road trip");
        saved.TargetsFor("road trip")!.Targets.ShouldBe(["spotify:playlist:37i9dQZF1DX0XUsuxWHRQd"]);
    }

    [Fact]
    public async Task Leaving_with_changes_asks_before_discarding()
    {
        _console
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)      // Edit a mood's playlists
            .Press(ConsoleKey.Enter)                                  // chill
            .Press(ConsoleKey.DownArrow, 2).Press(ConsoleKey.Enter)   // Turn shuffle off
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // Back
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // leave without saving
            .Press(ConsoleKey.Enter)                                  // Keep editing
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // leave without saving
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter);     // Discard changes

        (await Run()).ShouldBe(MappingEditorResult.Discarded);

        _console.Text().ShouldContain("(unsaved changes)");
        _store.Saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Removing_the_last_playlist_is_refused_with_a_reason()
    {
        _console
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)      // Edit a mood's playlists
            .Press(ConsoleKey.Enter)                                  // chill (1 playlist)
            .Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter)      // Remove a playlist
            .Press(ConsoleKey.Enter)                                  // the only one
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter)        // Back
            .Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter);       // leave

        (await Run()).ShouldBe(MappingEditorResult.Unchanged);

        _console.Text().ShouldContain("is the only playlist of 'chill'");
    }

    [Fact]
    public async Task Cancelling_leaves_without_saving()
    {
        using var cancel = new CancellationTokenSource();
        _console.FailWhenOutOfKeys = false;
        var editor = new MappingEditor(_console, _store, MappingEditorLabels.Standalone);

        var run = editor.RunAsync(cancel.Token);
        await _console.WaitForTextAsync("Quit without saving"); // the editor shows its menu and waits for a key
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        _store.Saved.ShouldBeEmpty();
        _console.Text().ShouldContain("Quit without saving");
    }
}
