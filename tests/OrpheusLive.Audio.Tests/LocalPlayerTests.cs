using OrpheusLive.Audio.Playback;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>Sequencing of the built-in player against a fake output (no sound).</summary>
public sealed class LocalPlayerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    private string MakeFolder(string name, params string[] files)
    {
        var folder = Path.Combine(_dir.Path, name);
        Directory.CreateDirectory(folder);
        foreach (var file in files)
            WavFile.Write(Path.Combine(folder, file), WavFormat.Pcm(22_050, 1), Signals.Sine(440, 22_050, 22_050 * 2, 0.5));
        return folder;
    }

    private static LocalPlayer NewPlayer(IAudioOutputFactory outputs, int fadeMs = 50) =>
        new(new LocalPlayerOptions { FadeMilliseconds = fadeMs }, outputs, logger: null, ExternalDecoders.None, new Random(7));

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Plays_the_first_local_folder_and_reports_the_file_name()
    {
        var folder = MakeFolder("chill", "a.wav", "b.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);

        var result = await player.PlayAsync(new PlayRequest("chill", ["spotify:playlist:xyz", folder], Shuffle: false), _ct);

        result.Started.ShouldBeTrue();
        result.Target.ShouldBe(folder);
        result.AlreadyPlaying.ShouldBeFalse();
        player.Name.ShouldBe("local");
        await Eventually(() => player.Current?.Title == "a.wav", "the first file plays");
        player.Current!.Mood.ShouldBe("chill");
        player.Current.Target.ShouldBe(folder);
        player.Current.Device.ShouldBe("fake");
        await Eventually(() => outputs.Output.LastBlockRms > 0.1, "audio reaches the output");
    }

    [Fact]
    public async Task What_the_player_plays_is_recorded_for_the_echo_canceller()
    {
        var folder = MakeFolder("chill", "a.wav");
        var outputs = new FakeOutputFactory();
        var reference = new OrpheusLive.Audio.Echo.EchoReference();
        await using var player = new LocalPlayer(new LocalPlayerOptions { FadeMilliseconds = 50 }, outputs, logger: null, ExternalDecoders.None, new Random(7))
        {
            EchoReference = reference,
        };

        await player.PlayAsync(new PlayRequest("chill", [folder], Shuffle: false), _ct);
        await Eventually(() => outputs.Output.SamplesWritten > 16_000, "a second reaches the output");

        reference.HasPlayed.ShouldBeTrue();
        // The fake output takes audio 20× faster than real time, so what is dated "now" has been written already.
        var now = new float[1600];
        reference.Read(reference.Now, now);
        var rms = Math.Sqrt(now.Sum(v => v * (double)v) / now.Length);
        rms.ShouldBeGreaterThan(0.1, "the 440 Hz tone at 0.5 peak, after the fade-in");
    }

    [Fact]
    public async Task A_new_mood_s_track_is_recorded_for_the_echo_canceller_after_the_previous_track_s_tail_not_over_it()
    {
        var chill = MakeFolder("chill", "a.wav");
        var upbeat = MakeFolder("upbeat", "b.wav");
        var outputs = new FakeOutputFactory();
        // A clock that stands still: every block is written before it is heard, as on a real output whose buffer is
        // full. The next mood's track is queued behind the last one's tail, so it is heard after it, not "now".
        var reference = new OrpheusLive.Audio.Echo.EchoReference(seconds: 60, clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        var origin = reference.Now;
        await using var player = new LocalPlayer(new LocalPlayerOptions { FadeMilliseconds = 50 }, outputs, logger: null, ExternalDecoders.None, new Random(7))
        {
            EchoReference = reference,
        };

        await player.PlayAsync(new PlayRequest("chill", [chill], Shuffle: false), _ct);
        await Eventually(() => outputs.Output.SamplesWritten > 16_000, "a second of chill reaches the output");
        (await player.PlayAsync(new PlayRequest("upbeat", [upbeat], Shuffle: false), _ct)).Started.ShouldBeTrue();
        var switched = outputs.Output.SamplesWritten;
        await Eventually(() => outputs.Output.SamplesWritten > switched + 16_000, "a second of upbeat reaches the output");
        await player.StopAsync(_ct);

        // Everything written (16 kHz mono, tapped block by block before the output takes it) is one continuous
        // recording: the last full-level stretch sits at the end of it.
        var written = outputs.Output.SamplesWritten;
        var tail = new float[1600];
        reference.Read(origin + TimeSpan.FromSeconds((written - 3200) / 16_000.0), tail);
        Math.Sqrt(tail.Sum(v => v * (double)v) / tail.Length).ShouldBeGreaterThan(0.1, "upbeat's last second, dated after chill's");
    }

    [Fact]
    public async Task Same_mood_again_does_not_restart()
    {
        var folder = MakeFolder("chill", "a.wav", "b.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);
        await Eventually(() => player.TracksStartedInSession == 1, "the first track starts");
        var written = outputs.Output.SamplesWritten;

        var again = await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);

        again.Started.ShouldBeTrue();
        again.AlreadyPlaying.ShouldBeTrue();
        again.Target.ShouldBe(folder);
        player.TracksStartedInSession.ShouldBe(1);
        player.Current!.Title.ShouldBe("a.wav");
        outputs.Opened.ShouldBe(1);
        await Eventually(() => outputs.Output.SamplesWritten > written, "playback continues");
    }

    [Fact]
    public async Task A_different_mood_switches_folders()
    {
        var chill = MakeFolder("chill", "calm.wav");
        var upbeat = MakeFolder("upbeat", "fast.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [chill], false), _ct);
        await Eventually(() => player.Current?.Title == "calm.wav", "chill plays");

        var result = await player.PlayAsync(new PlayRequest("upbeat", [upbeat], false), _ct);

        result.Started.ShouldBeTrue();
        result.AlreadyPlaying.ShouldBeFalse();
        await Eventually(() => player.Current?.Title == "fast.wav", "upbeat plays");
        player.Current!.Mood.ShouldBe("upbeat");
        outputs.Opened.ShouldBe(1); // the output is reused
    }

    [Fact]
    public async Task Only_spotify_targets_fail_with_a_plain_message()
    {
        await using var player = NewPlayer(new FakeOutputFactory());

        var result = await player.PlayAsync(new PlayRequest("chill", ["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6", "https://open.spotify.com/x"], false), _ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("chill");
        result.Message!.ShouldContain("Spotify");
        player.Current.ShouldBeNull();
    }

    [Fact]
    public async Task Missing_or_empty_folder_fails_with_a_plain_message()
    {
        var empty = MakeFolder("empty");
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not music");
        await using var player = NewPlayer(new FakeOutputFactory());

        var result = await player.PlayAsync(new PlayRequest("sad", [empty, Path.Combine(_dir.Path, "nope")], false), _ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("no playable audio files");
        result.Message!.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Compressed_files_without_a_decoder_are_skipped()
    {
        var folder = MakeFolder("mixed", "z.wav");
        File.WriteAllBytes(Path.Combine(folder, "a.mp3"), new byte[100]);
        await using var player = NewPlayer(new FakeOutputFactory());

        (await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct)).Started.ShouldBeTrue();
        await Eventually(() => player.Current?.Title == "z.wav", "the WAV plays");
    }

    [Fact]
    public async Task No_audio_output_fails_with_a_plain_message()
    {
        var folder = MakeFolder("chill", "a.wav");
        await using var player = NewPlayer(new FakeOutputFactory(failure: "No PulseAudio server is running."));

        var result = await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("No audio output");
        result.Message!.ShouldContain("PulseAudio");
    }

    [Fact]
    public async Task Pause_resume_and_skip_change_state()
    {
        var folder = MakeFolder("chill", "1.wav", "2.wav", "3.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);
        await Eventually(() => player.Current?.Title == "1.wav", "the first track plays");

        await player.PauseAsync(_ct);
        player.Current!.IsPaused.ShouldBeTrue();
        // Paused: after the fade-out the playback thread parks, so nothing more is written.
        await Eventually(() => player.IsParked, "the playback thread parks after the fade-out");
        var whilePaused = outputs.Output.SamplesWritten;
        // The last block holds the end of the fade (its start may still be loud): what it ends on must be silence, not a click.
        outputs.Output.LastBlockTailPeak.ShouldBeLessThan(0.05, "the output ends faded out before the thread parks");

        await player.ResumeAsync(_ct);
        player.Current!.IsPaused.ShouldBeFalse();
        await Eventually(() => outputs.Output.SamplesWritten > whilePaused, "playback resumes");

        await player.SkipAsync(_ct);
        await Eventually(() => player.Current?.Title == "2.wav", "the next track plays");
        await player.SkipAsync(_ct);
        await Eventually(() => player.Current?.Title == "3.wav", "the third track plays");
        await player.SkipAsync(_ct);
        await Eventually(() => player.Current?.Title == "1.wav", "the playlist repeats");
    }

    [Fact]
    public async Task Shuffle_plays_every_file()
    {
        var folder = MakeFolder("chill", "1.wav", "2.wav", "3.wav", "4.wav");
        await using var player = NewPlayer(new FakeOutputFactory());
        await player.PlayAsync(new PlayRequest("chill", [folder], Shuffle: true), _ct);

        var seen = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            await Eventually(() => player.Current?.Title is { } t && !seen.Contains(t), "a new track plays");
            seen.Add(player.Current!.Title!);
            await player.SkipAsync(_ct);
        }
        seen.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_single_file_target_plays()
    {
        var folder = MakeFolder("one", "only.wav");
        await using var player = NewPlayer(new FakeOutputFactory());

        var result = await player.PlayAsync(new PlayRequest("chill", [Path.Combine(folder, "only.wav")], false), _ct);

        result.Started.ShouldBeTrue();
        await Eventually(() => player.Current?.Title == "only.wav", "the file plays");
    }

    [Fact]
    public async Task An_output_failure_stops_playback_and_the_next_play_reopens()
    {
        var folder = MakeFolder("chill", "a.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);
        await Eventually(() => player.Current is not null, "playback starts");

        outputs.Output.FailWith = new AudioOutputException("device unplugged");
        await Eventually(() => player.Current is null, "playback stops");
        outputs.Output.FailWith = null;

        var again = await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);
        again.AlreadyPlaying.ShouldBeFalse();
        again.Started.ShouldBeTrue();
        outputs.Opened.ShouldBe(2);
        await Eventually(() => player.Current?.Title == "a.wav", "playback restarts");
    }

    [Fact]
    public async Task Stereo_48k_output_gets_converted_audio()
    {
        var folder = MakeFolder("chill", "a.wav");
        var outputs = new FakeOutputFactory(new FakeAudioOutput(48_000, 2));
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);

        await Eventually(() => outputs.Output.SamplesWritten > 48_000 && outputs.Output.LastBlockRms > 0.2, "converted audio flows");
    }

    [Fact]
    public void Options_validate_themselves()
    {
        Should.Throw<ArgumentException>(() => new LocalPlayerOptions { Volume = 2 }.Validate());
        Should.Throw<ArgumentException>(() => new LocalPlayerOptions { FadeMilliseconds = -1 }.Validate());
        Should.Throw<ArgumentException>(() => new PulseAudioSinkOptions { Channels = 3 }.Validate());
    }

    [Fact]
    public async Task A_folder_of_empty_or_broken_files_stops_instead_of_spinning()
    {
        var folder = MakeFolder("broken");
        WavFile.Write(Path.Combine(folder, "empty.wav"), WavFormat.Pcm(16_000, 1), []);
        File.WriteAllText(Path.Combine(folder, "junk.wav"), "not a wav");
        await using var player = NewPlayer(new FakeOutputFactory());

        (await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct)).Started.ShouldBeTrue();

        await Eventually(() => player.Current is null, "the player gives up");
    }

    [Fact]
    public async Task Rapid_skips_keep_playing()
    {
        var folder = MakeFolder("chill", "1.wav", "2.wav");
        var outputs = new FakeOutputFactory();
        await using var player = NewPlayer(outputs);
        await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct);
        for (var i = 0; i < 10; i++) await player.SkipAsync(_ct);

        var afterSkips = outputs.Output.SamplesWritten;
        await Eventually(() => outputs.Output.SamplesWritten > afterSkips + 22_050 && outputs.Output.LastBlockRms > 0.1, "the music goes on after the skips");
        player.Current.ShouldNotBeNull();
        (await player.PlayAsync(new PlayRequest("chill", [folder], false), _ct)).AlreadyPlaying.ShouldBeTrue();
    }

    [Theory]
    [InlineData("chill")]
    [InlineData("upbeat")]
    [InlineData("comforting")]
    [InlineData("energetic")]
    [InlineData("exciting")]
    public async Task Bundled_demo_music_plays_for_every_mood(string mood)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "samples", "music", mood)))
            Assert.Skip("samples/music has not been generated (samples/make-samples.sh).");
        var outputs = new FakeOutputFactory(new FakeAudioOutput(48_000, 2));
        await using var player = new LocalPlayer(new LocalPlayerOptions { MusicRoot = RepoPaths.Root }, outputs, null, ExternalDecoders.None, new Random(1));

        var result = await player.PlayAsync(new PlayRequest(mood, ["spotify:playlist:x", $"samples/music/{mood}"], true), _ct);

        result.Started.ShouldBeTrue(result.Message);
        player.Current!.Title.ShouldBe($"{mood}-theme.wav");
        await Eventually(() => outputs.Output.SamplesWritten > 48_000 && outputs.Output.LastBlockRms > 0.05, "the tune is heard");
    }

    // The music library (library:<mood> targets, and moods without local music).

    /// <summary>A library that hands out its files of one mood in order, then none (what the library's picker decides is tested in the library).</summary>
    private sealed class ScriptedTracks(string mood, params string[] files) : IMoodTracks
    {
        private readonly Queue<string> _left = new(files);

        public int Picks { get; private set; }

        public bool HasTracks(string m) => m == mood && _left.Count > 0;

        public Core.Moods.AffectPoint? LastAim { get; private set; }

        public string? Next(string m, Core.Moods.AffectPoint? aim = null)
        {
            LastAim = aim;
            if (m != mood || _left.Count == 0) return null;
            Picks++;
            return _left.Dequeue();
        }
    }

    private string LibraryWav(string name, double seconds = 0.5)
    {
        var path = Path.Combine(_dir.Path, name);
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), Signals.Sine(440, 16_000, (int)(16_000 * seconds), 0.5));
        return path;
    }

    private static LocalPlayer NewLibraryPlayer(IAudioOutputFactory outputs, IMoodTracks library) =>
        new(new LocalPlayerOptions { FadeMilliseconds = 10 }, outputs, logger: null, ExternalDecoders.None, new Random(7), library);

    [Fact]
    public async Task A_library_target_plays_the_library_s_picks_one_after_another_and_names_the_first_as_the_target()
    {
        var a = LibraryWav("a.wav");
        var b = LibraryWav("b.wav");
        var c = LibraryWav("c.wav");
        var library = new ScriptedTracks("chill", a, b, c);
        await using var player = NewLibraryPlayer(new FakeOutputFactory(), library);

        var result = await player.PlayAsync(new PlayRequest("chill", ["library:chill"], Shuffle: true), _ct);

        result.Started.ShouldBeTrue(result.Message);
        result.Target.ShouldBe(a, "the decision names the chosen track");
        await Eventually(() => player.TracksStartedInSession == 3, "each pick plays when the one before ends");
        await Eventually(() => player.Current is null, "the session ends when the library has nothing more");
        library.Picks.ShouldBe(3);
    }

    [Fact]
    public async Task A_mood_whose_targets_hold_no_local_music_uses_the_library_when_it_has_tracks()
    {
        var a = LibraryWav("a.wav", seconds: 5);
        await using var player = NewLibraryPlayer(new FakeOutputFactory(), new ScriptedTracks("upbeat", a));

        var result = await player.PlayAsync(new PlayRequest("upbeat", ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"], Shuffle: true), _ct);

        result.Started.ShouldBeTrue(result.Message);
        result.Target.ShouldBe(a);
        await Eventually(() => player.Current?.Title == "a.wav", "the library's track plays");
    }

    [Fact]
    public async Task The_request_s_aim_reaches_the_library()
    {
        var library = new ScriptedTracks("comforting", LibraryWav("a.wav", seconds: 5));
        await using var player = NewLibraryPlayer(new FakeOutputFactory(), library);

        await player.PlayAsync(new PlayRequest("comforting", ["library:comforting"], true, new Core.Moods.AffectPoint(-0.2, -0.4)), _ct);

        library.LastAim.ShouldBe(new Core.Moods.AffectPoint(-0.2, -0.4));
    }

    [Fact]
    public async Task A_local_folder_comes_before_the_library()
    {
        var folder = MakeFolder("chill", "own.wav");
        var library = new ScriptedTracks("chill", LibraryWav("lib.wav"));
        await using var player = NewLibraryPlayer(new FakeOutputFactory(), library);

        var result = await player.PlayAsync(new PlayRequest("chill", [folder], Shuffle: false), _ct);

        result.Target.ShouldBe(folder);
        library.Picks.ShouldBe(0);
    }

    [Fact]
    public async Task A_library_target_of_a_mood_without_tracks_fails_with_a_plain_message_naming_the_scan()
    {
        await using var player = NewLibraryPlayer(new FakeOutputFactory(), new ScriptedTracks("chill"));

        var result = await player.PlayAsync(new PlayRequest("sad", ["library:sad"], Shuffle: true), _ct);

        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("'sad'");
        result.Message!.ShouldContain("orpheus library scan");
    }

    [Theory]
    [InlineData("library:chill", "library:chill")]
    [InlineData(" Library:Chill ", "library:chill")]
    public void A_library_target_is_valid_with_a_mood_name_and_normalised(string target, string normalised) =>
        new LocalTargetValidator(new LocalPlayerOptions()).Check(target, mustExist: true)!.Target.ShouldBe(normalised);

    [Theory]
    [InlineData("library:")]
    [InlineData("library:/etc/passwd")]
    public void A_library_target_without_a_mood_name_is_invalid_and_says_how_to_write_it(string target) =>
        new LocalTargetValidator(new LocalPlayerOptions()).Check(target, mustExist: false)!.Error!.ShouldContain("library:chill");
}
