using OrpheusLive.Audio.Decoding;
using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Tests;

public sealed class TrackAnalyzerTests
{
    private readonly TrackAnalyzer _analyzer = new();

    private TrackFeatures Analyze(Synth synth) => _analyzer.Analyze(synth.Open(), "synth", TestContext.Current.CancellationToken);

    [Fact]
    public void A_1_kHz_sine_at_minus_20_dBFS_reads_minus_23_LUFS_as_BS_1770_specifies()
    {
        var features = _analyzer.Analyze(new Tone(997, 0.1, 20), "tone", TestContext.Current.CancellationToken);

        features.LoudnessLufs.ShouldBe(-23.0, 0.15);
        features.LoudnessRange.ShouldBeLessThan(0.5);
        features.CentroidMean.ShouldBe(997, 40);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(120)]
    [InlineData(150)]
    [InlineData(70)]
    public void The_tempo_of_a_drum_beat_is_found(double bpm)
    {
        var features = Analyze(new Synth { TempoBpm = bpm, Seconds = 30 });

        features.TempoBpm.ShouldBe(bpm, bpm * 0.03);
        features.BeatStrength.ShouldBeGreaterThan(0.3);
    }

    [Theory]
    [InlineData(0, true)]  // C major
    [InlineData(9, false)] // A minor
    [InlineData(7, true)]  // G major
    [InlineData(2, false)] // D minor
    public void The_key_and_mode_of_a_chord_progression_are_found(int tonic, bool major)
    {
        var features = Analyze(new Synth { Tonic = tonic, Major = major, Drums = false, Seconds = 20 });

        features.Key.ShouldBe(tonic);
        features.Major.ShouldBe(major);
    }

    [Fact]
    public void More_harmonics_make_a_brighter_spectrum()
    {
        var dull = Analyze(new Synth { Drums = false, Harmonics = 2, HarmonicRolloff = 2 });
        var bright = Analyze(new Synth { Drums = false, Harmonics = 12, HarmonicRolloff = 0.7 });

        bright.CentroidMean.ShouldBeGreaterThan(dull.CentroidMean * 1.5);
        bright.RolloffMean.ShouldBeGreaterThan(dull.RolloffMean);
    }

    [Fact]
    public void A_gain_raises_the_loudness_by_as_many_decibels_and_leaves_the_shape_alone()
    {
        var quiet = Analyze(new Synth { Gain = 0.25 });
        var loud = Analyze(new Synth { Gain = 1 });

        (loud.LoudnessLufs - quiet.LoudnessLufs).ShouldBe(20 * Math.Log10(4), 0.2);
        loud.CentroidMean.ShouldBe(quiet.CentroidMean, quiet.CentroidMean * 0.01);
        loud.TempoBpm.ShouldBe(quiet.TempoBpm, 0.5);
    }

    [Fact]
    public void Analysing_the_same_audio_twice_gives_identical_features()
    {
        var first = Analyze(new Synth { Seconds = 12 });
        var second = Analyze(new Synth { Seconds = 12 });

        System.Text.Json.JsonSerializer.Serialize(second).ShouldBe(System.Text.Json.JsonSerializer.Serialize(first));
    }

    [Fact]
    public void Audio_shorter_than_a_second_is_refused_as_too_short()
    {
        var e = Should.Throw<AudioDecodeException>(() => _analyzer.Analyze(new Tone(440, 0.5, 0.4), "blip.wav", TestContext.Current.CancellationToken));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Empty);
        e.Message.ShouldContain("blip.wav");
        e.Message.ShouldContain("too short");
    }

    [Fact]
    public void No_audio_at_all_is_refused_as_empty()
    {
        var e = Should.Throw<AudioDecodeException>(() => _analyzer.Analyze(new Tone(440, 0.5, 0), "nothing.ogg", TestContext.Current.CancellationToken));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Empty);
        e.Message.ShouldContain("0 s");
    }

    [Fact]
    public void Digital_silence_is_analysed_without_nonsense_numbers()
    {
        var features = _analyzer.Analyze(new Tone(440, 0, 5), "silence", TestContext.Current.CancellationToken);

        features.LoudnessLufs.ShouldBe(-70);
        features.TempoBpm.ShouldBe(0);
        System.Text.Json.JsonSerializer.Serialize(features).ShouldNotContain("NaN");
    }

    /// <summary>A sine tone as a reader.</summary>
    internal sealed class Tone(double frequency, double amplitude, double seconds) : IMonoAudioReader
    {
        private readonly long _total = (long)(seconds * Synth.Rate);
        private long _position;

        public int SampleRate => Synth.Rate;
        public string FormatName => "tone";
        public (int SampleRate, int Channels) Source => (Synth.Rate, 1);
        public TimeSpan? DeclaredDuration => TimeSpan.FromSeconds(seconds);

        public int Read(Span<float> buffer)
        {
            var n = (int)Math.Min(buffer.Length, _total - _position);
            for (var i = 0; i < n; i++, _position++) buffer[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * _position / Synth.Rate));
            return n;
        }

        public void Dispose()
        {
        }
    }
}
