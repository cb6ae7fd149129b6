using System.Buffers.Binary;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

/// <summary>The compressed formats of the decoder service, on files the Debian encoders make.</summary>
public sealed class CompressedFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AudioDecoder _decoder = new(AudioFormats.All());

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Formats => new()
    {
        { ".ogg", "Ogg Vorbis" },
        { ".opus", "Ogg Opus" },
        { ".mp3", "MP3" },
        { ".flac", "FLAC" },
    };

    public static TheoryData<string> Extensions => new() { ".ogg", ".opus", ".mp3", ".flac" };

    private static float[] ReadAll(IMonoAudioReader reader)
    {
        var all = new List<float>();
        var block = new float[4096];
        int n;
        while ((n = reader.Read(block)) > 0) all.AddRange(block.AsSpan(0, n));
        return [.. all];
    }

    private string Tone(string extension, int rate = 44_100, int channels = 2, double seconds = 3, string name = "tone")
    {
        var tone = Signals.Sine(440, rate, (int)(rate * seconds), amplitude: 0.4);
        var path = _dir.File(name + extension);
        Encoders.Encode(path, rate, channels, Signals.Interleave(Enumerable.Repeat(tone, channels).ToArray()));
        return path;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_stereo_tone_decodes_to_mono_at_the_wanted_rate_with_its_pitch_level_and_length(string extension, string format)
    {
        var path = Tone(extension);

        using var reader = _decoder.Open(path, 22_050);
        var mono = ReadAll(reader);

        reader.FormatName.ShouldBe(format);
        reader.Source.Channels.ShouldBe(2);
        (mono.Length / 22_050.0).ShouldBe(3.0, 0.06);
        reader.DeclaredDuration!.Value.TotalSeconds.ShouldBe(3.0, 0.06);
        Signals.AmplitudeAt(mono.AsSpan(11_025, 44_100), 440, 22_050).ShouldBe(0.4, 0.03);
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void A_file_cut_off_in_the_middle_is_reported_as_truncated_and_named(string extension)
    {
        var path = Tone(extension, name: "cut");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * 0.6)]);

        var e = Should.Throw<AudioDecodeException>(() => ReadAll(_decoder.Open(path, 22_050)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Truncated);
        e.Message.ShouldContain("cut.");
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Text_named_like_a_compressed_file_is_reported_as_not_audio(string extension)
    {
        var path = _dir.File("notes" + extension);
        File.WriteAllText(path, "These are the liner notes, not music. " + new string('x', 500));

        var e = Should.Throw<AudioDecodeException>(() => ReadAll(_decoder.Open(path, 22_050)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.NotAudio);
        e.Message.ShouldContain("notes" + extension);
    }

    [Fact]
    public void A_flac_file_without_flac_or_ffmpeg_installed_names_the_package_to_install()
    {
        var path = Tone(".flac");
        var noPrograms = Directory.CreateDirectory(_dir.File("empty-bin")).FullName;
        var decoder = new AudioDecoder(AudioFormats.All(searchPath: noPrograms));

        var e = Should.Throw<AudioDecodeException>(() => decoder.Open(path, 22_050));

        e.Kind.ShouldBe(AudioDecodeErrorKind.DecoderMissing);
        e.Message.ShouldContain("tone.flac");
        e.Message.ShouldContain("apt-get install flac");
    }

    [Fact]
    public void An_opus_file_with_a_damaged_page_fails_its_checksum_and_says_where()
    {
        var path = Tone(".opus", name: "damaged");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<AudioDecodeException>(() => ReadAll(_decoder.Open(path, 22_050)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Invalid);
        e.Message.ShouldContain("damaged.opus");
        e.Message.ShouldContain("checksum");
    }

    [Fact]
    public void An_mp3_whose_xing_header_claims_more_frames_than_it_holds_is_refused_as_lying()
    {
        var path = Tone(".mp3", name: "liar");
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("Info"u8) is var i and >= 0 ? i : bytes.AsSpan().IndexOf("Xing"u8);
        at.ShouldBeGreaterThan(0, "lame writes a Xing/Info header");
        var frames = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at + 8), frames * 3);
        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<AudioDecodeException>(() => ReadAll(_decoder.Open(path, 22_050)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Truncated);
        e.Message.ShouldContain("liar.mp3");
        e.Message.ShouldContain("declares");
    }

    [Theory]
    [InlineData(".flac")]
    [InlineData(".opus")]
    public void Eight_channels_are_accepted_and_downmixed(string extension)
    {
        // 7.1 in WAV order (FL FR FC LFE BL BR SL SR): the tone everywhere but the LFE channel, which encoders low-pass.
        var tone = Signals.Sine(440, 48_000, 96_000, amplitude: 0.4);
        var channels = Enumerable.Range(0, 8).Select(c => c == 3 ? new float[tone.Length] : tone).ToArray();
        var path = _dir.File("surround" + extension);
        Encoders.Encode(path, 48_000, 8, Signals.Interleave(channels));

        using var reader = _decoder.Open(path, 22_050);
        var mono = ReadAll(reader);

        reader.Source.ShouldBe((48_000, 8));
        Signals.AmplitudeAt(mono.AsSpan(11_025, 22_050), 440, 22_050).ShouldBe(0.4 * 7 / 8, 0.03);
    }

    [Theory]
    [InlineData(".ogg", "oggdec", 2)]
    [InlineData(".ogg", "oggdec", 6)] // 5.1 (oggenc mangles 8-channel legacy WAV input itself, so 8 is tested on FLAC/Opus)
    [InlineData(".opus", "opusdec", 2)]
    public void The_managed_decoder_matches_the_reference_decoder_sample_for_sample(string extension, string reference, int channels)
    {
        if (Decoding.ProgramLocator.Find(reference) is null) Assert.Skip($"{reference} is not installed.");
        var rate = 48_000;
        var signal = Enumerable.Range(0, channels).Select(c => Signals.Sine(220 * (c + 1), rate, rate * 2, 0.3 / (c + 1))).ToArray();
        var path = _dir.File("ref" + extension);
        Encoders.Encode(path, rate, channels, Signals.Interleave(signal));
        var decodedWav = _dir.File("ref.decoded.wav");
        Encoders.Run(reference, reference == "oggdec" ? ["-Q", "-o", decodedWav, path] : ["--quiet", "--rate", "48000", "--float", path, decodedWav]);

        var ours = ReadAll(_decoder.Open(path, rate));
        var theirs = ReadAll(_decoder.Open(decodedWav, rate));

        Math.Abs(ours.Length - theirs.Length).ShouldBeLessThanOrEqualTo(2);
        double error = 0, energy = 0;
        for (var i = 0; i < Math.Min(ours.Length, theirs.Length); i++)
        {
            error += (ours[i] - theirs[i]) * (double)(ours[i] - theirs[i]);
            energy += theirs[i] * (double)theirs[i];
        }
        (10 * Math.Log10(energy / Math.Max(error, 1e-20))).ShouldBeGreaterThan(60, "signal-to-difference ratio in dB");
    }

    [Fact]
    public void A_192_kHz_flac_is_accepted_and_resampled_with_its_tone_intact()
    {
        var path = Tone(".flac", rate: 192_000, channels: 2, seconds: 2, name: "hires");

        using var reader = _decoder.Open(path, 22_050);
        var mono = ReadAll(reader);

        reader.Source.ShouldBe((192_000, 2));
        (mono.Length / 22_050.0).ShouldBe(2.0, 0.01);
        Signals.AmplitudeAt(mono.AsSpan(11_025, 22_050), 440, 22_050).ShouldBe(0.4, 0.01);
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void A_file_of_no_samples_decodes_to_nothing_or_is_refused_as_empty(string extension)
    {
        var path = _dir.File("silence" + extension);
        Encoders.Encode(path, 44_100, 2, []);

        try
        {
            using var reader = _decoder.Open(path, 22_050);
            ReadAll(reader).Length.ShouldBeLessThan(2_000); // codec padding at most; the library refuses it as 0 s
        }
        catch (AudioDecodeException e)
        {
            e.Kind.ShouldBe(AudioDecodeErrorKind.Empty);
            e.Message.ShouldContain("silence" + extension);
        }
    }
}
