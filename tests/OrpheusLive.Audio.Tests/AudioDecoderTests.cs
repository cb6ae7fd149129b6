using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

public sealed class AudioDecoderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AudioDecoder _decoder = new([new WavAudioFormat()]);

    public void Dispose() => _dir.Dispose();

    private static float[] ReadAll(IMonoAudioReader reader)
    {
        var all = new List<float>();
        var block = new float[1000];
        int n;
        while ((n = reader.Read(block)) > 0) all.AddRange(block.AsSpan(0, n));
        return [.. all];
    }

    [Fact]
    public void A_44_1_kHz_stereo_wav_is_decoded_to_16_kHz_mono_with_its_tone_intact()
    {
        var tone = Signals.Sine(440, 44_100, 44_100, amplitude: 0.4);
        var path = _dir.File("tone.wav");
        WavFile.Write(path, WavFormat.Pcm(44_100, 2), Signals.Interleave(tone, tone));

        using var reader = _decoder.Open(path);
        var mono = ReadAll(reader);

        reader.FormatName.ShouldBe("WAV");
        reader.Source.ShouldBe((44_100, 2));
        mono.Length.ShouldBeInRange(15_900, 16_100);
        Signals.AmplitudeAt(mono.AsSpan(2000, 12_000), 440, 16_000).ShouldBe(0.4, 0.01);
    }

    [Fact]
    public void A_wav_file_with_another_extension_is_recognised_by_its_first_bytes()
    {
        var path = _dir.File("misnamed.mp3");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), Signals.Sine(300, 16_000, 1600));

        _decoder.FormatOf(path).Name.ShouldBe("WAV");
    }

    [Fact]
    public void A_file_in_no_known_format_is_reported_as_not_audio_and_named()
    {
        var path = _dir.File("notes.txt");
        File.WriteAllText(path, "these are not samples");

        var e = Should.Throw<AudioDecodeException>(() => _decoder.Open(path));

        e.Kind.ShouldBe(AudioDecodeErrorKind.NotAudio);
        e.Message.ShouldContain("notes.txt");
        e.Message.ShouldContain("WAV");
    }

    [Fact]
    public void An_empty_file_and_a_missing_file_are_told_apart()
    {
        var empty = _dir.File("empty.wav");
        File.WriteAllBytes(empty, []);

        Should.Throw<AudioDecodeException>(() => _decoder.Open(empty)).Kind.ShouldBe(AudioDecodeErrorKind.Empty);
        Should.Throw<AudioDecodeException>(() => _decoder.Open(_dir.File("missing.wav"))).Kind.ShouldBe(AudioDecodeErrorKind.Unreadable);
    }

    [Fact]
    public void A_cut_off_wav_is_reported_as_truncated()
    {
        var path = _dir.File("cut.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), Signals.Sine(300, 16_000, 16_000));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Should.Throw<AudioDecodeException>(() => _decoder.Open(path)).Kind.ShouldBe(AudioDecodeErrorKind.Truncated);
    }

    [Fact]
    public void A_file_too_short_for_any_header_is_reported_as_truncated_not_as_another_format()
    {
        var path = _dir.File("cut");
        File.WriteAllBytes(path, "RIFF\u0010\0\0\0"u8.ToArray());

        var e = Should.Throw<AudioDecodeException>(() => _decoder.Open(path));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Truncated);
        e.Message.ShouldContain("8 bytes");
    }

    [Fact]
    public void Decoding_a_whole_clip_refuses_one_over_the_limit_before_decoding_it()
    {
        var path = _dir.File("long.wav");
        WavFile.Write(path, WavFormat.Pcm(8_000, 1), new float[8_000 * 6]);

        var e = Should.Throw<AudioDecodeException>(() => _decoder.DecodeAll(path, TimeSpan.FromSeconds(5)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.TooLong);
        e.Message.ShouldContain("6 s long; the limit is 5 s");
        _decoder.DecodeAll(path, TimeSpan.FromSeconds(6)).Length.ShouldBeInRange(95_990, 96_010);
    }

    [Fact]
    public void A_header_that_does_not_say_its_length_is_cut_off_at_the_limit_while_reading()
    {
        var path = _dir.File("streaming.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), new float[16_000 * 3]);
        var bytes = File.ReadAllBytes(path);
        bytes[40] = bytes[41] = bytes[42] = bytes[43] = 0xFF; // data size 0xFFFFFFFF: "until the end of the file"
        File.WriteAllBytes(path, bytes);

        Should.Throw<AudioDecodeException>(() => _decoder.DecodeAll(path, TimeSpan.FromSeconds(2))).Kind.ShouldBe(AudioDecodeErrorKind.TooLong);
    }

    [Fact]
    public void A_wav_without_samples_is_empty()
    {
        var path = _dir.File("silent.wav");
        WavFile.Write(path, WavFormat.Pcm(16_000, 1), []);

        var e = Should.Throw<AudioDecodeException>(() => _decoder.DecodeAll(path, TimeSpan.FromSeconds(10)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Empty);
        e.Message.ShouldContain("holds no audio");
    }
}
