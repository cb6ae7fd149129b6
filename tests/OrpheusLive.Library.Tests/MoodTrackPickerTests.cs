using OrpheusLive.Library.Playback;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Tests;

public sealed class MoodTrackPickerTests
{
    // Twelve tracks of one mood, nearest first: id 1 is the nearest.
    private static readonly TrackRecord[] Chill = [.. Enumerable.Range(1, 12).Select(i => new TrackRecord { Id = i, Hash = $"h{i}", Mood = "chill", Paths = [$"/m/{i}.ogg"] })];

    private static MoodTrackPicker Picker(int noRepeat, int nearest, Func<string, bool>? exists = null, int seed = 1) =>
        new(mood => mood == "chill" ? Chill : [], new LibraryOptions { Database = "x.db", NoRepeat = noRepeat, Nearest = nearest }, new Random(seed), exists ?? (_ => true));

    private static int IdOf(string path) => int.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Each_pick_is_one_of_the_nearest_tracks_not_played_recently_in_a_shuffled_order()
    {
        var orders = Enumerable.Range(1, 5).Select(seed =>
        {
            var picker = Picker(noRepeat: 3, nearest: 4, seed: seed);
            return Enumerable.Range(0, 6).Select(_ => IdOf(picker.Next("chill")!)).ToList();
        }).ToList();

        foreach (var order in orders)
        {
            for (var i = 0; i < order.Count; i++)
            {
                var recent = order.Skip(Math.Max(0, i - 3)).Take(Math.Min(i, 3)).ToHashSet();
                var window = Enumerable.Range(1, 12).Where(id => !recent.Contains(id)).Take(4);
                window.ShouldContain(order[i], $"pick {i} of [{string.Join(',', order)}] is among the 4 nearest not played in the last 3");
            }
        }
        orders.Select(o => string.Join(',', o)).Distinct().Count().ShouldBeGreaterThan(1, "shuffled, not always nearest-first");
    }

    [Fact]
    public void None_of_the_last_N_tracks_is_picked_again()
    {
        var picker = Picker(noRepeat: 5, nearest: 3);

        var picks = Enumerable.Range(0, 200).Select(_ => IdOf(picker.Next("chill")!)).ToList();

        for (var i = 0; i < picks.Count; i++)
        {
            picks.Skip(Math.Max(0, i - 5)).Take(Math.Min(i, 5)).ShouldNotContain(picks[i], $"pick {i} repeats one of the last 5");
        }
        picks.Distinct().Count().ShouldBeLessThanOrEqualTo(8, "with a window of 3 past the 5 recent, only the 8 nearest are ever played");
    }

    [Fact]
    public void With_fewer_tracks_than_N_the_one_played_longest_ago_comes_back()
    {
        var three = Chill[..3];
        var picker = new MoodTrackPicker(_ => three, new LibraryOptions { Database = "x.db", NoRepeat = 10, Nearest = 10 }, new Random(2), _ => true);

        var picks = Enumerable.Range(0, 9).Select(_ => IdOf(picker.Next("chill")!)).ToList();

        picks.Take(3).Order().ShouldBe([1, 2, 3]);
        picks.Skip(3).ShouldBe([.. picks.Take(3), .. picks.Take(3)], "then round-robin, least recently played first");
    }

    [Fact]
    public void Tracks_whose_files_are_gone_are_never_picked_and_a_mood_without_tracks_has_none()
    {
        var picker = Picker(noRepeat: 0, nearest: 12, exists: p => IdOf(p) % 2 == 0);

        var picks = Enumerable.Range(0, 50).Select(_ => IdOf(picker.Next("chill")!)).ToList();

        picks.ShouldAllBe(id => id % 2 == 0);
        picker.HasTracks("upbeat").ShouldBeFalse();
        picker.Next("upbeat").ShouldBeNull();
    }

    [Fact]
    public void A_library_that_cannot_be_opened_has_no_tracks_instead_of_failing_the_player()
    {
        var picker = new MoodTrackPicker(_ => throw new LibraryStoreException("'/x/library.db' is damaged."), new LibraryOptions { Database = "x.db" });

        picker.HasTracks("chill").ShouldBeFalse();
        picker.Next("chill").ShouldBeNull();
    }

    [Fact]
    public async Task Over_a_real_library_every_pick_is_a_track_of_the_mood_from_the_scanned_folder()
    {
        using var lib = new TestLibrary();
        for (var i = 0; i < 4; i++) lib.Add($"t{i}.wav", new Synth { Seconds = 4, Seed = i, TempoBpm = 100 + 10 * i });
        await lib.ScanAsync(TestContext.Current.CancellationToken);
        var mood = lib.Library.List().GroupBy(t => t.Mood).OrderByDescending(g => g.Count()).First().Key!;
        var picker = new MoodTrackPicker(lib.Library.NearestTo, lib.Options, new Random(1));

        var picks = Enumerable.Range(0, 6).Select(_ => picker.Next(mood)).ToList();

        picker.HasTracks(mood).ShouldBeTrue();
        var ofMood = lib.Library.List(mood).SelectMany(t => t.Paths).ToHashSet();
        picks.ShouldAllBe(p => p != null && ofMood.Contains(p));
    }

    [Fact]
    public void Given_an_aim_the_picks_are_the_tracks_nearest_to_the_aim_instead_of_the_mood_s_point()
    {
        // Ordered by the mood's point (ids 1…8), valence rising with the id: the aim at valence +0.8 wants the last ones.
        TrackRecord[] tracks = [.. Enumerable.Range(1, 8).Select(i => new TrackRecord
            { Id = i, Hash = $"h{i}", Mood = "comforting", Valence = -0.8 + 0.2 * i, Arousal = -0.5, Paths = [$"/m/{i}.ogg"] })];
        var picker = new MoodTrackPicker(_ => tracks, new LibraryOptions { Database = "x.db", NoRepeat = 0, Nearest = 2 }, new Random(3), _ => true);

        var aimed = Enumerable.Range(0, 20).Select(_ => IdOf(picker.Next("comforting", new Core.Moods.AffectPoint(0.8, -0.5))!)).Distinct().Order().ToList();
        var plain = Enumerable.Range(0, 20).Select(_ => IdOf(picker.Next("comforting")!)).Distinct().Order().ToList();

        aimed.ShouldBe([7, 8]);
        plain.ShouldBe([1, 2]);
    }
}
