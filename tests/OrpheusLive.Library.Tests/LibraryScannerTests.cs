using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Tests;

public sealed class LibraryScannerTests : IDisposable
{
    private readonly TestLibrary _lib = new();

    public void Dispose() => _lib.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void AddThree()
    {
        _lib.Add("beat.wav", new Synth { Seconds = 8, TempoBpm = 140, Gain = 1 });
        _lib.Add("pad.wav", new Synth { Seconds = 8, Drums = false, Gain = 0.2, Major = false, Tonic = 9 });
        Directory.CreateDirectory(Path.Combine(_lib.Music, "sub"));
        _lib.Add("sub/groove.wav", new Synth { Seconds = 8, TempoBpm = 100, Gain = 0.6 });
    }

    [Fact]
    public async Task A_scan_analyses_every_file_and_a_rescan_of_the_unchanged_folder_serves_all_from_the_library()
    {
        AddThree();

        var (first, firstResults) = await _lib.ScanAsync(Ct);
        _lib.Reopen();
        var (second, secondResults) = await _lib.ScanAsync(Ct);

        first.Analysed.ShouldBe(3);
        first.FilesFound.ShouldBe(3);
        first.AudioSeconds.ShouldBe(24, 0.1);
        firstResults.ShouldAllBe(r => r.Status == ScanStatus.Analysed && r.Mood != null && r.Valence >= -1 && r.Valence <= 1 && r.Arousal >= -1 && r.Arousal <= 1);
        second.Cached.ShouldBe(3);
        second.Analysed.ShouldBe(0);
        secondResults.Select(r => (r.Path, r.Valence, r.Arousal, r.Mood)).Order().ShouldBe(firstResults.Select(r => (r.Path, r.Valence, r.Arousal, r.Mood)).Order());
        _lib.Library.List().Count.ShouldBe(3);
        first.Clustering.ShouldNotBeNull();
        _lib.Library.List().ShouldAllBe(t => t.Cluster != null && t.MapX != null);
    }

    [Fact]
    public async Task A_renamed_and_a_moved_file_are_recognised_by_their_content_and_not_analysed_again()
    {
        AddThree();
        await _lib.ScanAsync(Ct);
        var before = _lib.Library.List().Single(t => t.Paths.Any(p => p.EndsWith("beat.wav", StringComparison.Ordinal)));

        File.Move(Path.Combine(_lib.Music, "beat.wav"), Path.Combine(_lib.Music, "renamed.wav"));
        Directory.CreateDirectory(Path.Combine(_lib.Music, "elsewhere"));
        File.Move(Path.Combine(_lib.Music, "pad.wav"), Path.Combine(_lib.Music, "elsewhere", "pad.wav"));
        var (summary, results) = await _lib.ScanAsync(Ct);

        summary.Analysed.ShouldBe(0);
        summary.Cached.ShouldBe(3);
        var after = _lib.Library.Get(before.Id)!;
        after.Paths.ShouldBe([Path.Combine(_lib.Music, "renamed.wav")]);
        System.Text.Json.JsonSerializer.Serialize(after.Features).ShouldBe(System.Text.Json.JsonSerializer.Serialize(before.Features));
        _lib.Library.List().Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_copy_and_a_rename_of_a_failed_file_are_each_reported_under_their_own_name()
    {
        var blip = _lib.Add("blip.wav", new Synth { Seconds = 0.5 });
        File.Copy(blip, Path.Combine(_lib.Music, "copy of blip.wav"));

        var (_, first) = await _lib.ScanAsync(Ct);
        var (_, again) = await _lib.ScanAsync(Ct);
        File.Move(blip, Path.Combine(_lib.Music, "renamed.wav"));
        var (_, renamed) = await _lib.ScanAsync(Ct);

        foreach (var r in first.Concat(again).Concat(renamed))
        {
            r.Status.ShouldBe(ScanStatus.Failed);
            r.ErrorKind.ShouldBe("Empty");
            r.Error.ShouldStartWith($"'{Path.GetFileName(r.Path)}' is too short to analyse");
        }
        first.Select(r => Path.GetFileName(r.Path)).Order().ShouldBe(["blip.wav", "copy of blip.wav"]);
        renamed.Select(r => Path.GetFileName(r.Path)).Order().ShouldBe(["copy of blip.wav", "renamed.wav"]);
    }

    [Fact]
    public async Task Broken_files_and_8_channel_or_192_kHz_files_are_recorded_as_failed_with_their_reason_and_the_scan_goes_on()
    {
        _lib.Add("good.wav", new Synth { Seconds = 6 });
        File.WriteAllText(Path.Combine(_lib.Music, "notes.mp3"), "not music at all, just words in a file named like music");
        var cut = _lib.Add("cut.wav", new Synth { Seconds = 6 });
        File.WriteAllBytes(cut, File.ReadAllBytes(cut)[..5000]);
        _lib.AddRaw("empty.wav", 44_100, 2, []);
        _lib.AddRaw("sixteen.wav", 48_000, 16, new float[48_000 * 16]);
        var tone = Enumerable.Range(0, 192_000 * 3).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 192_000))).ToArray();
        _lib.AddRaw("hires.wav", 192_000, 1, tone);
        _lib.AddRaw("stereo48k.wav", 48_000, 2, new float[48_000 * 2 * 2].Select((_, i) => (float)(0.2 * Math.Sin(i / 2 * 0.05))).ToArray());
        _lib.AddRaw("surround.wav", 48_000, 8, new float[48_000 * 8 * 2].Select((_, i) => (float)(0.2 * Math.Sin(i / 8 * 0.05))).ToArray());

        var (summary, results) = await _lib.ScanAsync(Ct);
        var byName = results.ToDictionary(r => Path.GetFileName(r.Path));

        summary.Analysed.ShouldBe(2);
        summary.Failed.ShouldBe(6);
        byName["good.wav"].Status.ShouldBe(ScanStatus.Analysed);
        byName["stereo48k.wav"].Status.ShouldBe(ScanStatus.Analysed);
        (byName["notes.mp3"].ErrorKind, byName["cut.wav"].ErrorKind, byName["empty.wav"].ErrorKind, byName["sixteen.wav"].ErrorKind)
            .ShouldBe(("NotAudio", "Truncated", "Empty", "Unsupported"));
        (byName["hires.wav"].ErrorKind, byName["surround.wav"].ErrorKind).ShouldBe(("Unsupported", "Unsupported"));
        byName["hires.wav"].Error!.ShouldContain("192000 Hz");
        byName["surround.wav"].Error!.ShouldContain("8 channels");
        foreach (var name in new[] { "notes.mp3", "cut.wav", "empty.wav", "sixteen.wav", "hires.wav", "surround.wav" }) byName[name].Error!.ShouldContain(name);
        _lib.Library.List().Count(t => t.Status == TrackStatus.Failed).ShouldBe(6);

        var (again, _) = await _lib.ScanAsync(Ct);
        again.Analysed.ShouldBe(0); // a failed, unchanged file is not retried
        again.Failed.ShouldBe(6);
    }

    [Fact]
    public async Task A_missing_folder_is_reported_and_only_no_readable_folder_at_all_is_told_apart()
    {
        _lib.Add("good.wav", new Synth { Seconds = 3 });
        var missing = Path.Combine(_lib.Dir.Path, "no-such-folder");

        var (some, _) = await _lib.ScanAsync(Ct, _lib.Music, missing);
        var (none, _) = await _lib.ScanAsync(Ct, missing);

        some.UnreadableFolders.ShouldHaveSingleItem().ShouldContain(missing);
        some.NoFolderReadable.ShouldBeFalse();
        some.Analysed.ShouldBe(1);
        none.NoFolderReadable.ShouldBeTrue();
    }

    [Fact]
    public async Task A_scan_remembers_the_folders_it_walked_so_a_rescan_walks_them_even_where_no_track_is_yet()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_lib.Dir.Path, "still-empty")).FullName;
        Directory.CreateDirectory(Path.Combine(_lib.Music, "sub"));
        _lib.Add("sub/a.wav", new Synth { Seconds = 3 });
        var missing = Path.Combine(_lib.Dir.Path, "no-such-folder");

        await _lib.ScanAsync(Ct, _lib.Music + Path.DirectorySeparatorChar, empty, missing);
        _lib.Reopen();

        string[] walked = [.. new[] { _lib.Music, empty }.Order(StringComparer.Ordinal)];
        _lib.Library.Store.Folders().ShouldBe(walked, "walked folders, without the trailing separator; not the missing one");
        _lib.Library.Folders().ShouldBe(walked, "not music/sub, which is inside music");
        Directory.Delete(empty);
        _lib.Library.Folders().ShouldBe([_lib.Music], "a folder that is gone is not walked");
    }

    [Fact]
    public async Task A_cancelled_scan_keeps_what_it_finished_and_the_next_scan_resumes()
    {
        for (var i = 0; i < 6; i++) _lib.Add($"t{i}.wav", new Synth { Seconds = 5, Seed = i, TempoBpm = 90 + 10 * i });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var finished = new List<ScanResult>();

        var stopped = await _lib.Library.ScanAsync([_lib.Music], null, r =>
        {
            finished.Add(r);
            cts.Cancel(); // Ctrl+C after the first file
        }, cts.Token);
        _lib.Reopen();
        var (resumed, _) = await _lib.ScanAsync(Ct);

        stopped.Cancelled.ShouldBeTrue();
        stopped.Analysed.ShouldBeInRange(1, 2); // the file in flight on the other worker may finish first
        resumed.Cached.ShouldBe(stopped.Analysed);
        resumed.Analysed.ShouldBe(6 - stopped.Analysed);
    }

    [Fact]
    public async Task A_second_scan_of_a_library_being_scanned_is_told_it_is_busy_with_the_pid()
    {
        _lib.Add("good.wav", new Synth { Seconds = 3 });
        using var running = ScanLock.Acquire(_lib.Library.Store.Path);

        var e = await Should.ThrowAsync<LibraryBusyException>(() => _lib.ScanAsync(Ct));

        e.Message.ShouldContain("the library is busy", Case.Insensitive);
        e.Message.ShouldContain($"pid {Environment.ProcessId}");
    }

    [Fact]
    public async Task Tracks_are_listed_by_mood_nearest_to_the_mood_s_point_first()
    {
        for (var i = 0; i < 4; i++) _lib.Add($"t{i}.wav", new Synth { Seconds = 5, Seed = i, TempoBpm = 80 + 20 * i, Gain = 0.3 + 0.2 * i });
        await _lib.ScanAsync(Ct);

        foreach (var mood in _lib.Library.Plane.Moods)
        {
            var point = _lib.Library.Plane.PointOf(mood)!.Value;
            var tracks = _lib.Library.NearestTo(mood);
            tracks.ShouldAllBe(t => t.Mood == mood);
            var distances = tracks.Select(t => point.DistanceTo(new(t.Valence!.Value, t.Arousal!.Value))).ToList();
            distances.ShouldBe(distances.Order().ToList());
            _lib.Library.List(mood).Count.ShouldBe(tracks.Count);
        }
        _lib.Library.Plane.Moods.Sum(m => _lib.Library.List(m).Count).ShouldBe(4);
    }
}
