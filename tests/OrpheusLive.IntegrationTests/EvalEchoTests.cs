using System.Text.Json;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Commands.Model;

namespace OrpheusLive.IntegrationTests;

/// <summary><c>eval</c> with music under the clips: the manifest's reference column, <c>--background</c>, and their bad inputs.</summary>
public sealed class EvalEchoTests : IDisposable
{
    private const int Rate = 16_000;
    private readonly TempDirectory _dir = new();
    private readonly AudioDecoder _decoder = new([new WavAudioFormat()]);

    public void Dispose() => _dir.Dispose();

    /// <summary>Four seconds of the demo's speech (its "happy" block).</summary>
    private static float[] Speech()
    {
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        demo.Format.SampleRate.ShouldBe(Rate);
        return demo.Samples.AsSpan(13 * Rate, 4 * Rate).ToArray();
    }

    /// <summary>Music-like noise: dark noise with a beat and a chord, at about the level of speech.</summary>
    private static float[] Music(int samples, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[samples];
        double low = 0;
        for (var i = 0; i < samples; i++)
        {
            low += 0.08 * (random.NextDouble() * 2 - 1 - low);
            var t = i / (double)Rate;
            var beat = 0.6 + 0.4 * Math.Pow(Math.Max(0, Math.Sin(2 * Math.PI * 2 * t)), 4);
            x[i] = (float)(beat * (0.5 * low + 0.03 * (Math.Sin(2 * Math.PI * 220 * t) + Math.Sin(2 * Math.PI * 330 * t))));
        }

        return x;
    }

    private static double Energy(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v * (double)v;
        return sum;
    }

    private static double ErrorDb(float[] heard, float[] voice)
    {
        var error = new float[voice.Length];
        for (var i = 0; i < voice.Length; i++) error[i] = heard[i] - voice[i];
        return 10 * Math.Log10(Energy(error) / Energy(voice));
    }

    private string Write(string name, float[] samples, int rate = Rate, int channels = 1)
    {
        var path = _dir.File(name);
        var interleaved = channels == 1 ? samples : samples.SelectMany(v => Enumerable.Repeat(v, channels)).ToArray();
        WavFile.Write(path, WavFormat.Pcm(rate, channels), interleaved);
        return path;
    }

    private EvalAudio ManifestAudio(bool useReferences = true) => new(_decoder, new EvalEchoPath(), null, false, useReferences);

    [Fact]
    public void The_reference_column_is_read_relative_to_the_manifest_and_may_be_empty()
    {
        File.WriteAllLines(_dir.File("m.csv"), ["path,label,reference", "a.wav,happy,ref/a.wav", "b.wav,sad,"]);

        var clips = EvalManifest.Read(_dir.File("m.csv"));

        clips[0].Reference.ShouldBe(Path.Combine(_dir.Path, "ref", "a.wav"));
        clips[1].Reference.ShouldBeNull();
    }

    [Fact]
    public void A_clip_with_its_reference_is_heard_with_the_music_cancelled()
    {
        var voice = Speech();
        var music = Music(voice.Length);
        var gain = (float)Math.Sqrt(Energy(voice) / Energy(music)); // the music as loud as the voice
        var microphone = new float[voice.Length];
        for (var i = 0; i < voice.Length; i++) microphone[i] = voice[i] + (i >= 640 ? gain * music[i - 640] : 0f); // 40 ms late
        var clip = new EvalClip(Write("clip.wav", microphone), "happy", Write("ref.wav", music));

        var cancelled = ManifestAudio().Prepare(clip);
        var ignored = ManifestAudio(useReferences: false).Prepare(clip);

        ErrorDb(ignored, voice).ShouldBeGreaterThan(-1, "the music is as loud as the voice");
        // Speex also shifts the phase of the voice's lowest band (docs/echo-cancellation.md), which a waveform error counts.
        ErrorDb(cancelled, voice).ShouldBeLessThan(-6, "the canceller removes the music");
    }

    [Fact]
    public void A_missing_reference_stops_the_run_before_it_starts_naming_the_file_and_the_clip()
    {
        var clip = new EvalClip(Write("clip.wav", Speech()), "happy", _dir.File("gone.wav"));

        var e = Should.Throw<InvalidDataException>(() => ManifestAudio().CheckBeforeRun([clip]));

        e.Message.ShouldContain("gone.wav");
        e.Message.ShouldContain("clip.wav");
    }

    [Theory]
    [InlineData(22_050, 1, 4.0, "22050 Hz mono")]
    [InlineData(16_000, 2, 4.0, "16000 Hz 2 channels")]
    [InlineData(16_000, 1, 2.5, "shorter than its clip")]
    public void A_reference_of_another_rate_channel_count_or_shorter_than_the_clip_is_one_clear_line(int rate, int channels, double seconds, string expected)
    {
        var clip = new EvalClip(Write("clip.wav", Speech()), "happy", Write("ref.wav", Music((int)(seconds * rate)), rate, channels));

        var e = Should.Throw<InvalidDataException>(() => ManifestAudio().Prepare(clip));

        e.Message.ShouldContain(expected);
        e.Message.ShouldContain("ref.wav");
        e.Message.ShouldNotContain("\n");
    }

    private float[] Background(float[] voice, double sir, bool cancel) =>
        new EvalAudio(_decoder, new EvalEchoPath(), new BackgroundMixer(Music(30 * Rate, seed: 4), sir, "music.wav"), cancel, true)
            .Prepare(new EvalClip(Write("clip.wav", voice), "happy"));

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void The_background_reaches_the_microphone_sir_dB_below_the_speech(double sir)
    {
        var voice = Speech();

        var mixed = Background(voice, sir, cancel: false);

        mixed.Length.ShouldBe(voice.Length);
        ErrorDb(mixed, voice).ShouldBe(-sir, 0.5);
    }

    [Fact]
    public void With_the_reference_the_background_is_cancelled_out_of_the_clip()
    {
        var voice = Speech();

        var cancelled = Background(voice, 0, cancel: true);

        // 20 s of music alone before the clip let the canceller converge, as live.
        ErrorDb(cancelled, voice).ShouldBeLessThan(-6);
    }

    [Fact]
    public async Task Background_options_that_do_not_fit_together_are_usage_errors()
    {
        File.WriteAllLines(_dir.File("m.csv"), ["path,label", "clip.wav,happy"]);
        Write("clip.wav", Speech());

        var (noSir, _, noSirErr) = await OrpheusProcess.RunAsync(["eval", "--manifest", _dir.File("m.csv"), "--background", Write("music.wav", Music(Rate * 5))], _dir.Path);
        var (sirAlone, _, sirAloneErr) = await OrpheusProcess.RunAsync(["eval", "--manifest", _dir.File("m.csv"), "--sir", "0"], _dir.Path);

        noSir.ShouldBe(2);
        noSirErr.ShouldContain("--sir DB");
        sirAlone.ShouldBe(2);
        sirAloneErr.ShouldContain("--sir needs --background");
    }

    [Fact]
    public async Task Eval_with_a_missing_reference_exits_1_with_one_line()
    {
        File.WriteAllLines(_dir.File("m.csv"), ["path,label,reference", "clip.wav,happy,ref/clip.wav"]);
        Write("clip.wav", Speech());

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["eval", "--manifest", _dir.File("m.csv"), "--json"], _dir.Path);

        code.ShouldBe(1);
        stdout.ShouldBeEmpty();
        var line = stderr.Trim().Split('\n').ShouldHaveSingleItem();
        line.ShouldContain("ref/clip.wav");
        line.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Eval_scores_a_background_mixture_with_the_reference()
    {
        File.WriteAllLines(_dir.File("m.csv"), ["path,label", "clip.wav,happy"]);
        Write("clip.wav", Speech());

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(
            ["eval", "--manifest", _dir.File("m.csv"), "--background", Write("music.wav", Music(Rate * 30)), "--sir", "0", "--with-reference", "--json"], _dir.Path);

        code.ShouldBe(0, stderr);
        JsonDocument.Parse(stdout).RootElement.GetProperty("n").GetInt32().ShouldBe(1);
    }
}
