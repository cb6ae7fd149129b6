using OrpheusLive.Library.Analysis;
using OrpheusLive.Library.Emotion;

namespace OrpheusLive.Library.Tests;

/// <summary>The valence–arousal model's relations on generated music: each change moves the point the way the literature says.</summary>
public sealed class ArousalMetamorphicTests
{
    private static readonly Synth Base = new() { Seconds = 20, TempoBpm = 100, Gain = 0.4, Harmonics = 4, HarmonicRolloff = 1.5 };
    private readonly TrackAnalyzer _analyzer = new();

    private Core.Moods.AffectPoint Point(Synth s) => ValenceArousalModel.Default.Estimate(_analyzer.Analyze(s.Open(), "synth", TestContext.Current.CancellationToken));

    [Fact]
    public void A_faster_version_gets_higher_arousal() =>
        Point(Base with { TempoBpm = 140 }).Arousal.ShouldBeGreaterThan(Point(Base).Arousal + 0.05);

    [Fact]
    public void A_brighter_version_gets_higher_arousal() =>
        Point(Base with { Harmonics = 12, HarmonicRolloff = 0.6 }).Arousal.ShouldBeGreaterThan(Point(Base).Arousal + 0.05);

    [Fact]
    public void A_louder_version_gets_higher_arousal() =>
        Point(Base with { Gain = 1.0 }).Arousal.ShouldBeGreaterThan(Point(Base).Arousal + 0.05);

    [Fact]
    public void A_quiet_slow_pad_has_far_lower_arousal_than_a_loud_fast_beat()
    {
        var pad = Point(Base with { Drums = false, TempoBpm = 60, Gain = 0.1, Harmonics = 2, HarmonicRolloff = 2 });
        var beat = Point(Base with { TempoBpm = 150, Gain = 1, Harmonics = 10, HarmonicRolloff = 0.8 });

        pad.Arousal.ShouldBeLessThan(-0.3);
        beat.Arousal.ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void The_same_music_in_a_minor_key_gets_lower_valence() =>
        Point(Base with { Major = false, Tonic = 9 }).Valence.ShouldBeLessThan(Point(Base with { Major = true, Tonic = 0 }).Valence - 0.05);

    [Fact]
    public void Every_cue_weight_has_the_sign_the_literature_gives_and_the_sums_are_normalised()
    {
        ValenceArousalModel.ArousalWeights.ShouldAllBe(w => w.Weight > 0);
        ValenceArousalModel.ValenceWeights.ShouldAllBe(w => w.Weight > 0);
        ValenceArousalModel.ArousalWeights.Sum(w => w.Weight).ShouldBe(1, 1e-9);
        ValenceArousalModel.ValenceWeights.Sum(w => w.Weight).ShouldBe(1, 1e-9);
    }

    [Fact]
    public void Calibration_centres_the_reference_set_and_spreads_it_to_unit_scale()
    {
        var tracks = Enumerable.Range(0, 12).Select(i => _analyzer.Analyze(
            (Base with { Seconds = 6, TempoBpm = 70 + 10 * i, Gain = 0.2 + 0.06 * i, Major = i % 2 == 0, Seed = i }).Open(), "s", TestContext.Current.CancellationToken)).ToList();

        var reference = ReferenceCalibration.Fit(tracks);
        var sums = tracks.Select(t => ValenceArousalModel.RawSums(t, reference)).ToList();

        reference.Tracks.ShouldBe(12);
        sums.Average(s => s.Arousal).ShouldBe(0, 0.05);
        Math.Sqrt(sums.Average(s => s.Arousal * s.Arousal)).ShouldBe(reference.ArousalScale, 0.02);
        Should.Throw<ArgumentException>(() => ReferenceCalibration.Fit(tracks[..5]));
    }
}
