using OrpheusLive.Core.Moods;

namespace OrpheusLive.Core.Tests;

public sealed class MoodPlaneTests
{
    [Fact]
    public void Every_mood_of_the_shipped_mapping_has_a_point()
    {
        var mapping = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "config", "moods.json")));
        var moods = mapping.RootElement.GetProperty("moods").EnumerateObject().Select(p => p.Name).ToList();

        moods.ShouldNotBeEmpty();
        foreach (var mood in moods) MoodPlane.Default.PointOf(mood).ShouldNotBeNull(mood);
    }

    [Fact]
    public void Each_mood_point_is_its_own_nearest_mood()
    {
        foreach (var (mood, point) in MoodPlane.Default.MoodPoints) MoodPlane.Default.NearestMood(point).ShouldBe(mood);
    }

    [Theory]
    [InlineData(0.8, 0.3, "upbeat")]      // happy music
    [InlineData(0.4, -0.5, "chill")]      // relaxed
    [InlineData(-0.3, -0.7, "comforting")] // sad and slow
    [InlineData(-0.5, 0.9, "energetic")]  // aggressive
    [InlineData(0.4, 0.9, "exciting")]
    public void A_track_gets_the_mood_of_its_quadrant(double valence, double arousal, string mood) =>
        MoodPlane.Default.NearestMood(new AffectPoint(valence, arousal)).ShouldBe(mood);

    [Fact]
    public void Only_the_candidate_moods_are_considered_and_moods_without_a_point_are_skipped()
    {
        var happy = new AffectPoint(0.8, 0.3);

        MoodPlane.Default.NearestMood(happy, ["chill", "focus"]).ShouldBe("chill");
        MoodPlane.Default.NearestMood(happy, ["focus"]).ShouldBeNull();
    }

    [Fact]
    public void The_listener_point_is_the_probability_weighted_mean_of_the_emotion_points()
    {
        var point = MoodPlane.Default.FromEmotionScores(new Dictionary<string, double> { ["happy"] = 0.5, ["sad"] = 0.5, ["unknown"] = 0.3 })!.Value;

        point.Valence.ShouldBe((0.8 - 0.7) / 2, 1e-9);
        point.Arousal.ShouldBe((0.35 - 0.4) / 2, 1e-9);
    }

    [Fact]
    public void A_point_outside_the_plane_is_refused_with_its_name()
    {
        var e = Should.Throw<ArgumentException>(() => new MoodPlane(new Dictionary<string, AffectPoint> { ["party"] = new(1.5, 0) }));

        e.Message.ShouldContain("party");
        e.Message.ShouldContain("[-1, 1]");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrpheusLive.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
