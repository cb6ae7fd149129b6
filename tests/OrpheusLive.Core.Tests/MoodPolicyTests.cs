using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Tests;

public sealed class MoodPolicyTests
{
    private const string Shipped = """
        { "emotions": { "happy": "upbeat", "sad": "comforting", "fearful": "comforting", "angry": "energetic" },
          "moods": { "upbeat": { "targets": ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"] },
                     "comforting": { "targets": ["spotify:playlist:37i9dQZF1DX3YSRoSdA634"], "shuffle": true },
                     "energetic": { "targets": ["spotify:playlist:37i9dQZF1DX76Wlfdnj7AP"], "policy": "lift" } } }
        """;

    [Fact]
    public void A_mapping_without_policies_still_reads_and_lifts_the_moods_of_sad_or_fearful_listeners_by_default()
    {
        var map = MoodMapSerializer.Parse(Shipped, "moods.json", TestTargets.Rules);

        map.Moods["upbeat"].Policy.ShouldBeNull();
        map.PolicyFor("upbeat").ShouldBe(MoodPolicy.Match);
        map.PolicyFor("comforting").ShouldBe(MoodPolicy.Lift, "sad and fearful map to it");
        map.PolicyFor("energetic").ShouldBe(MoodPolicy.Lift, "set in the file");
    }

    [Fact]
    public void A_policy_survives_a_save_and_a_mood_without_one_is_saved_without_one()
    {
        var map = MoodMapSerializer.Parse(Shipped, "moods.json", TestTargets.Rules);

        var json = MoodMapSerializer.ToJson(map);
        var again = MoodMapSerializer.Parse(json, "moods.json", TestTargets.Rules);

        again.Moods["energetic"].Policy.ShouldBe(MoodPolicy.Lift);
        again.Moods["upbeat"].Policy.ShouldBeNull();
        json.Split("\"policy\"").Length.ShouldBe(2, "only the mood that set one");
    }

    [Theory]
    [InlineData("\"cheer\"")]
    [InlineData("1")]
    [InlineData("true")]
    public void An_unknown_policy_is_refused_naming_the_mood_and_the_valid_values(string policy)
    {
        var json = Shipped.Replace("\"policy\": \"lift\"", $"\"policy\": {policy}", StringComparison.Ordinal);

        var e = Should.Throw<MoodMapException>(() => MoodMapSerializer.Parse(json, "moods.json", TestTargets.Rules));

        e.Message.ShouldContain("moods.energetic.policy");
        e.Message.ShouldContain("\"match\" or \"lift\"");
    }

    [Fact]
    public void Match_aims_at_the_listener_and_lift_at_a_point_moved_toward_positive_valence()
    {
        var sad = new AffectPoint(-0.7, -0.4);

        MoodAim.For(MoodPolicy.Match, sad).ShouldBe(sad);
        MoodAim.For(MoodPolicy.Lift, sad).ShouldBe(new AffectPoint(-0.7 + MoodAim.LiftStep, -0.4));
        MoodAim.For(MoodPolicy.Lift, new AffectPoint(0.9, 0.2))!.Value.Valence.ShouldBe(1);
        MoodAim.For(MoodPolicy.Lift, null).ShouldBeNull();
    }

    [Theory]
    [InlineData(1, "upbeat", 0.0)]     // happy → upbeat: match, the listener's own point
    [InlineData(2, "comforting", 0.5)] // sad → comforting: lift, moved toward positive valence
    public async Task The_play_request_aims_at_the_listener_s_point_under_the_mood_s_policy(int label, string mood, double lift)
    {
        var player = new RecordingPlayer();
        var analyzer = new WindowAnalyzer(new MeanCodedClassifier(), null, 0.25);
        using var pipeline = new LivePipeline(MemoryMoodStore.Default(), new ListenOptions(), new DebounceOptions { HoldSeconds = 2, EvidenceWeight = 1, ChangeRatePerSecond = 1, MinDwellSeconds = 10 }, NullLogger.Instance);
        var windows = new List<WindowEvent>();
        using var _ = pipeline.Events.Subscribe(e => { if (e is WindowEvent w) windows.Add(w); });

        await pipeline.RunAsync(new ArraySource(Audio.Segments((12, label))), analyzer, player, TestContext.Current.CancellationToken);

        var request = player.Requests.Single();
        request.Mood.ShouldBe(mood);
        var listener = windows.First().Affect!;
        request.Aim.ShouldNotBeNull();
        request.Aim.Value.Valence.ShouldBe(listener.Valence + lift, 1e-6);
        request.Aim.Value.Arousal.ShouldBe(listener.Arousal, 1e-6);
    }
}
