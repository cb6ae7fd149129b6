using OrpheusLive.Audio.Playback;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>The built-in player playing a mood from the music library (<c>library:&lt;mood&gt;</c>), against a fake output.</summary>
public sealed class LibraryPlaybackTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

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

    private string Wav(string name, double seconds = 0.5)
    {
        var path = Path.Combine(_dir.Path, name);
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), Signals.Sine(440, 16_000, (int)(16_000 * seconds), 0.5));
        return path;
    }

    private static LocalPlayer NewPlayer(IAudioOutputFactory outputs, IMoodTracks library) =>
        new(new LocalPlayerOptions { FadeMilliseconds = 10 }, outputs, logger: null, ExternalDecoders.None, new Random(7), library);

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
    public async Task A_library_target_plays_the_library_s_picks_one_after_another_and_names_the_first_as_the_target()
    {
        var a = Wav("a.wav");
        var b = Wav("b.wav");
        var c = Wav("c.wav");
        var library = new ScriptedTracks("chill", a, b, c);
        await using var player = NewPlayer(new FakeOutputFactory(), library);

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
        var a = Wav("a.wav", seconds: 5);
        await using var player = NewPlayer(new FakeOutputFactory(), new ScriptedTracks("upbeat", a));

        var result = await player.PlayAsync(new PlayRequest("upbeat", ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"], Shuffle: true), _ct);

        result.Started.ShouldBeTrue(result.Message);
        result.Target.ShouldBe(a);
        await Eventually(() => player.Current?.Title == "a.wav", "the library's track plays");
    }

    [Fact]
    public async Task The_request_s_aim_reaches_the_library()
    {
        var library = new ScriptedTracks("comforting", Wav("a.wav", seconds: 5));
        await using var player = NewPlayer(new FakeOutputFactory(), library);

        await player.PlayAsync(new PlayRequest("comforting", ["library:comforting"], true, new Core.Moods.AffectPoint(-0.2, -0.4)), _ct);

        library.LastAim.ShouldBe(new Core.Moods.AffectPoint(-0.2, -0.4));
    }

    [Fact]
    public async Task A_local_folder_comes_before_the_library()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "chill")).FullName;
        WavFile.Write(Path.Combine(folder, "own.wav"), WavFormat.Pcm(16_000, 1), Signals.Sine(440, 16_000, 16_000, 0.5));
        var library = new ScriptedTracks("chill", Wav("lib.wav"));
        await using var player = NewPlayer(new FakeOutputFactory(), library);

        var result = await player.PlayAsync(new PlayRequest("chill", [folder], Shuffle: false), _ct);

        result.Target.ShouldBe(folder);
        library.Picks.ShouldBe(0);
    }

    [Fact]
    public async Task A_library_target_of_a_mood_without_tracks_fails_with_a_plain_message_naming_the_scan()
    {
        await using var player = NewPlayer(new FakeOutputFactory(), new ScriptedTracks("chill"));

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
