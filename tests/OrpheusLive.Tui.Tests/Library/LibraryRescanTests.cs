using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Commands.Tui;
using OrpheusLive.Library;
using OrpheusLive.Library.Storage;
using OrpheusLive.Library.Tests;
using OrpheusLive.Tui.Library;
using OrpheusLive.Tui.Tests.Fakes;
using OrpheusLive.Tui.Tests.Harness;
using Terminal.Gui.Input;

namespace OrpheusLive.Tui.Tests.Library;

/// <summary>[r] in the library view: a rescan with a progress bar, over the app's real SQLite library.</summary>
public sealed class LibraryRescanTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-tui-rescan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private LibraryOptions Settings => new() { Database = Path.Combine(_dir, "library.db"), Parallelism = 1, MaxClusters = 2 };

    [Fact]
    public async Task R_rescans_the_folders_the_library_knows_and_shows_the_new_track_when_done()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        var nested = Directory.CreateDirectory(Path.Combine(music, "evening")).FullName;
        new Synth { Seconds = 4, TempoBpm = 140 }.WriteWav(Path.Combine(music, "beat.wav"));
        new Synth { Seconds = 4, TempoBpm = 100, Seed = 3 }.WriteWav(Path.Combine(nested, "late.wav"));
        using var library = MusicLibrary.Open(Settings, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], cancellationToken: Ct);
        new Synth { Seconds = 4, TempoBpm = 80, Major = false, Drums = false }.WriteWav(Path.Combine(music, "pad.wav"));
        var catalog = new MusicLibraryCatalog(new Lazy<MusicLibrary>(library), Options.Create(Settings));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog, rescan: catalog);
        var before = ui.Press(Key.L).WaitFor(s => s.Contains("2 tracks in", StringComparison.Ordinal), "the library before the rescan");
        before.ShouldNotContain("pad.wav");
        before.ShouldContain("Rescan");

        var after = ui.Press(Key.R).WaitFor(s => s.Contains("pad.wav", StringComparison.Ordinal), "the new track after the rescan");

        after.ShouldContain("Scanned: 1 analysed, 2 cached, 0 failed of 3 files");
        (await catalog.ListAsync(Ct)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task R_finds_a_new_album_in_a_scanned_folder_that_held_no_track_of_its_own()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        var first = Directory.CreateDirectory(Path.Combine(music, "first-album")).FullName;
        new Synth { Seconds = 4, TempoBpm = 140 }.WriteWav(Path.Combine(first, "beat.wav"));
        using var library = MusicLibrary.Open(Settings, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], cancellationToken: Ct); // every file is in music/first-album, none in music itself
        var second = Directory.CreateDirectory(Path.Combine(music, "second-album")).FullName;
        new Synth { Seconds = 4, TempoBpm = 80, Major = false, Drums = false }.WriteWav(Path.Combine(second, "pad.wav"));
        var catalog = new MusicLibraryCatalog(new Lazy<MusicLibrary>(library), Options.Create(Settings));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog, rescan: catalog);
        ui.Press(Key.L).WaitFor(s => s.Contains("1 tracks in", StringComparison.Ordinal), "the library before the rescan");

        var after = ui.Press(Key.R).WaitFor(s => s.Contains("pad.wav", StringComparison.Ordinal), "the new album's track after the rescan");

        after.ShouldContain("Scanned: 1 analysed, 1 cached, 0 failed of 2 files");
        (await catalog.ListAsync(Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public void The_folders_a_rescan_walks_are_the_top_most_existing_ones()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        var nested = Directory.CreateDirectory(Path.Combine(music, "evening")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(_dir, "music-2")).FullName; // a prefix of the name, not a parent

        var folders = MusicLibrary.TopMostExisting([nested, music, other, music, Path.Combine(_dir, "gone")]);

        folders.ShouldBe([music, other]);
    }

    [Fact]
    public async Task A_rescan_while_another_scan_holds_the_library_says_busy_with_its_pid_and_changes_nothing()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        new Synth { Seconds = 4 }.WriteWav(Path.Combine(music, "beat.wav"));
        using var library = MusicLibrary.Open(Settings, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], cancellationToken: Ct);
        var catalog = new MusicLibraryCatalog(new Lazy<MusicLibrary>(library), Options.Create(Settings));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog, rescan: catalog);
        ui.Press(Key.L).WaitFor(s => s.Contains("1 tracks in", StringComparison.Ordinal), "the library");

        using (ScanLock.Acquire(Settings.Database)) // what `orpheus library scan` holds while it runs
        {
            ui.Press(Key.R).WaitFor(s => s.Contains($"Could not rescan: The library is busy (a scan is running, pid {Environment.ProcessId})", StringComparison.Ordinal),
                "the busy message");
        }

        (await catalog.ListAsync(Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_progress_bar_shows_how_far_the_rescan_is_and_the_view_reads_the_library_again_when_it_ends()
    {
        var rescan = new GatedLibraryRescan(new LibraryScanProgress(5, 10, "/music/storm.ogg"));
        var catalog = FakeLibraryCatalog.Three();
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: catalog, rescan: rescan);
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        ui.Press(Key.R);
        await rescan.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var rows = ui.Advance(TimeSpan.FromMilliseconds(300)).Rows();

        rows[0].ShouldContain("Rescanning 5/10 files: storm.ogg");
        var bar = rows[0][..20];
        bar.Count(c => c != ' ').ShouldBe(10, $"half of the 20-column bar is filled: '{bar}'");
        ui.Press(Key.R).Screen().ShouldContain("A rescan is running; Esc stops it.");
        rescan.Finish("Scanned: 3 analysed, 1 cached, 0 failed of 4 files.");
        var done = ui.WaitFor(s => s.Contains("Scanned: 3 analysed", StringComparison.Ordinal) && catalog.Reads == 2, "the end and the fresh read");
        done.Split('\n')[0].ShouldStartWith("Scanned: 3 analysed", Case.Sensitive, "the bar is gone");
        rescan.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Leaving_the_view_stops_a_running_rescan()
    {
        var rescan = new GatedLibraryRescan(new LibraryScanProgress(1, 10, null));
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: FakeLibraryCatalog.Three(), rescan: rescan);
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");
        ui.Press(Key.R);
        await rescan.Started.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        ui.Press(Key.Esc).WaitFor(s => s.Contains("Timeline (newest first)", StringComparison.Ordinal), "the dashboard");

        rescan.SawCancellation.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_scanner_r_says_how_to_fill_the_library()
    {
        await using var ui = await Dashboards.StartAsync(new TestPipeline(PipelineStates.Busy()), library: FakeLibraryCatalog.Three());
        ui.Press(Key.L).WaitFor(s => s.Contains("all (4)", StringComparison.Ordinal), "the library");

        ui.Press(Key.R).Screen().ShouldContain("Rescanning needs the app's music library; run 'orpheus library scan DIR'.");
    }
}
