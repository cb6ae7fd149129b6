using OrpheusLive.Tui.Library;
using OrpheusLive.Tui.Tests.Fakes;
using OrpheusLive.Tui.Tests.Harness;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Tests.Library;

/// <summary>The dashboard's library view ([l]): moods, tracks with their numbers, the map, Esc back.</summary>
public sealed class LibraryViewTests
{
    [Fact]
    public async Task L_shows_every_track_with_tempo_valence_and_arousal_and_the_moods_with_their_counts()
    {
        var catalog = FakeLibraryCatalog.Three();
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog);

        var screen = ui.Press(Key.L).WaitFor(s => s.Contains("4 tracks in 2 moods", StringComparison.Ordinal), "the library");

        catalog.Reads.ShouldBe(1);
        screen.ShouldContain("all (4)");
        screen.ShouldContain("calm (1)");
        screen.ShouldContain("upbeat (2)");
        var rows = ui.Rows();
        rows.ShouldContain(r => r.Contains("morning-song.ogg", StringComparison.Ordinal) && r.Contains("upbeat", StringComparison.Ordinal)
            && r.Contains("128", StringComparison.Ordinal) && r.Contains("+0.70", StringComparison.Ordinal) && r.Contains("+0.60", StringComparison.Ordinal));
        rows.ShouldContain(r => r.Contains("broken.mp3", StringComparison.Ordinal) && r.Contains(LibraryText.NotAnalysed, StringComparison.Ordinal));
        screen.ShouldContain("Valence → arousal ↑");
    }

    [Fact]
    public async Task Down_on_the_moods_filters_the_tracks_to_that_mood()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        var calm = ui.Press(Key.CursorDown).Screen();

        calm.ShouldContain("Tracks: calm");
        calm.ShouldContain("quiet-lake.ogg");
        calm.ShouldNotContain("morning-song.ogg");
        calm.ShouldNotContain("broken.mp3");
        var upbeat = ui.Press(Key.CursorDown).Screen();
        upbeat.ShouldContain("morning-song.ogg");
        upbeat.ShouldContain("storm.ogg");
        upbeat.ShouldNotContain("quiet-lake.ogg");
    }

    [Fact]
    public async Task The_map_puts_each_track_at_its_valence_and_arousal_as_its_moods_letter()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        var rows = ui.Rows();
        var title = ui.Find("Valence → arousal ↑");
        var left = rows[title.Y].LastIndexOf('╭', title.X) + 1;
        var right = rows[title.Y].IndexOf('╮', title.X);
        var plot = rows.Skip(title.Y + 1).Take(7).Select(r => r[left..right]).ToArray();
        var (columns, height) = (right - left, plot.Length);

        foreach (var (letter, valence, arousal) in new[] { ('u', 0.7, 0.6), ('c', 0.5, -0.7), ('u', 0.4, 0.8) })
        {
            var (column, row) = LibraryMapView.Cell(valence, arousal, columns, height);
            plot[row][column].ShouldBe(letter, $"v {valence} a {arousal} in\n{string.Join('\n', plot)}");
        }

        plot[height / 2].ShouldContain("─");
    }

    [Fact]
    public async Task On_an_80_by_24_terminal_the_view_fits_with_every_column_and_the_way_back()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), width: 80, height: 24, library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        var rows = ui.Rows();
        rows.Take(24).ShouldAllBe(r => r.Length <= 80);
        rows.ShouldContain(r => r.Contains("Track", StringComparison.Ordinal) && r.Contains("BPM", StringComparison.Ordinal) && r.Contains("Aro", StringComparison.Ordinal));
        rows.ShouldContain(r => r.Contains("storm.ogg", StringComparison.Ordinal) && r.Contains("+0.80", StringComparison.Ordinal));
        rows[23].ShouldContain("Leave (back to the dashboard)");
    }

    [Fact]
    public async Task The_track_columns_follow_a_resize_down_to_80_by_24_and_back()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");
        var wide = ColumnOf(ui.Rows(), "morning-song.ogg", "upbeat");

        var narrowRows = ui.Resize(80, 24).Rows();

        narrowRows.Take(24).ShouldAllBe(r => r.Length <= 80);
        var header = narrowRows.Single(r => r.Contains("Track", StringComparison.Ordinal) && r.Contains("BPM", StringComparison.Ordinal));
        header.TrimEnd().ShouldEndWith("Aro│", Case.Sensitive, "the last column ends at the frame");
        var narrow = ColumnOf(narrowRows, "morning-song.ogg", "upbeat");
        narrow.ShouldBe(wide - 30, "the name column gives up what the terminal lost");
        narrowRows.ShouldContain(r => r.Contains("storm.ogg", StringComparison.Ordinal) && r.Contains("+0.80", StringComparison.Ordinal));
        ColumnOf(ui.Resize(110, 34).Rows(), "morning-song.ogg", "upbeat").ShouldBe(wide);
    }

    // Where the mood column starts in the row of track.
    private static int ColumnOf(string[] rows, string track, string mood)
    {
        var row = rows.Single(r => r.Contains(track, StringComparison.Ordinal));
        return row.IndexOf(mood, row.IndexOf(track, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_library_says_how_to_fill_it()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: new FakeLibraryCatalog([]));

        ui.Press(Key.L).WaitFor(s => s.Contains("orpheus library scan DIR", StringComparison.Ordinal), "the empty library's hint");
    }

    [Fact]
    public async Task A_library_that_cannot_be_read_says_why()
    {
        var catalog = new FakeLibraryCatalog([], new InvalidOperationException("library.db is locked"));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog);

        ui.Press(Key.L).WaitFor(s => s.Contains("Could not read the music library: library.db is locked", StringComparison.Ordinal), "the problem");
    }

    [Fact]
    public async Task Esc_returns_to_the_dashboard_and_the_dashboard_keys_work_again()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        var back = ui.Press(Key.Esc).Screen();

        back.ShouldContain("Timeline (newest first)");
        back.ShouldNotContain("all (4)");
        ui.Press(Key.P);
        pipeline.Calls.ShouldBe(["pause-listening"]);
    }

    [Fact]
    public async Task Enter_on_a_mood_plays_it_now_as_the_users_pick_and_the_dashboard_shows_it()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, library: FakeLibraryCatalog.Three());
        var screen = ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");
        screen.ShouldContain("Play this mood now");

        ui.Press(Key.CursorDown).Press(Key.Enter).WaitFor(s => s.Contains("Playing calm (your pick)", StringComparison.Ordinal), "the answer");

        pipeline.Calls.ShouldBe(["play:calm"]);
        pipeline.Current.Mood.ShouldBe("calm");
        var dashboard = ui.Press(Key.Esc).Advance(TimeSpan.FromSeconds(1)).Screen();
        dashboard.ShouldContain("Timeline (newest first)");
        dashboard.ShouldContain("Mood     calm (your pick)");
    }

    [Fact]
    public async Task Enter_on_a_track_plays_that_tracks_mood()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        // The moods stay on "all"; Tab to the tracks (morning-song, quiet-lake, …): the first Down selects morning-song
        // (upbeat), the second quiet-lake (calm).
        var screen = ui.Press(Key.Tab).Press(Key.CursorDown).Press(Key.CursorDown).Press(Key.Enter)
            .WaitFor(s => s.Contains("Playing calm", StringComparison.Ordinal), "the answer");

        screen.ShouldContain("┤Tracks├", Case.Sensitive, "the mood list still shows every track");
        pipeline.Calls.ShouldBe(["play:calm"]);
        ui.Press(Key.Tab).Press(Key.CursorDown).Press(Key.Enter).WaitUntil(() => pipeline.CountOf("play:calm") == 2, "Tab back to the moods, down to calm");
        ui.Screen().ShouldContain("Tracks: calm");
    }

    [Fact]
    public async Task An_unknown_mood_says_which_moods_there_are_and_nothing_plays()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy()) { Moods = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "chill", "upbeat" } };
        await using var ui = await Dashboards.StartAsync(pipeline, library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        ui.Press(Key.CursorDown).Press(Key.Enter).WaitFor(s => s.Contains("The mapping has no mood 'calm'; pick one of: chill, upbeat", StringComparison.Ordinal), "the refusal");

        pipeline.Current.MoodByUser.ShouldBeFalse();
        pipeline.Current.Mood.ShouldNotBe("calm");
    }

    [Fact]
    public async Task Enter_on_all_moods_asks_for_a_mood_first()
    {
        var pipeline = new TestPipeline(PipelineStates.Busy());
        await using var ui = await Dashboards.StartAsync(pipeline, library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        ui.Press(Key.Enter).Screen().ShouldContain("Pick a mood first");

        pipeline.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_library_l_says_how_to_get_one()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()));

        ui.Press(Key.L).Screen().ShouldContain("orpheus library scan DIR");
    }
}
