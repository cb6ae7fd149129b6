using System.Buffers.Binary;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Decoding.Formats.Ogg;

namespace OrpheusLive.Audio.Tests;

/// <summary>
/// How much an Ogg Vorbis file may decode short of the length its last page declares before it counts as cut off:
/// files made by <c>oggenc</c> whose last granule position is moved on, and the real frozen-bubble track that showed it.
/// </summary>
public sealed class VorbisDeclaredLengthTests : IDisposable
{
    private const string RealTrack = "/usr/share/games/frozen-bubble/snd/introzik.ogg";
    private const int Rate = 44_100;
    private readonly TempDirectory _dir = new();
    private readonly AudioDecoder _decoder = new(AudioFormats.All());

    public void Dispose() => _dir.Dispose();

    private static long ReadAllFrames(IMonoAudioReader reader)
    {
        var block = new float[8192];
        long frames = 0;
        int n;
        while ((n = reader.Read(block)) > 0) frames += n;
        return frames;
    }

    // An oggenc file whose last page declares `extraSeconds` more audio than it holds (checksum recomputed).
    private string ToneDeclaringMore(string name, double extraSeconds)
    {
        var path = _dir.File(name);
        var tone = Signals.Sine(440, Rate, Rate * 3, amplitude: 0.4);
        Encoders.Encode(path, Rate, 2, Signals.Interleave([tone, tone]));
        var bytes = File.ReadAllBytes(path);
        var last = bytes.AsSpan().LastIndexOf("OggS"u8);
        var granule = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(last + 6));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(last + 6), granule + (long)(extraSeconds * Rate));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(last + 22), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(last + 22), OggCrc.Update(0, bytes.AsSpan(last)));
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_vorbis_file_that_decodes_a_fifth_of_a_second_short_of_its_last_granule_is_accepted_at_its_decoded_length()
    {
        var path = ToneDeclaringMore("trimmed.ogg", 0.2);

        using var reader = _decoder.Open(path, Rate);
        var frames = ReadAllFrames(reader);

        (frames / (double)Rate).ShouldBe(3.0, 0.06);
        reader.DeclaredDuration!.Value.TotalSeconds.ShouldBe(3.2, 0.06);
    }

    [Fact]
    public void A_vorbis_file_that_declares_two_seconds_more_than_it_holds_is_refused_as_truncated_and_named()
    {
        var path = ToneDeclaringMore("short.ogg", 2.0);

        var e = Should.Throw<AudioDecodeException>(() => ReadAllFrames(_decoder.Open(path, Rate)));

        e.Kind.ShouldBe(AudioDecodeErrorKind.Truncated);
        e.Message.ShouldContain("short.ogg");
        e.Message.ShouldContain("declares 0:05.0");
    }

    [Fact]
    public void The_real_frozen_bubble_intro_decodes_whole_although_nvorbis_ends_short_of_its_last_granule()
    {
        if (!File.Exists(RealTrack)) Assert.Skip($"{RealTrack} is missing: scripts/setup.sh --test installs frozen-bubble-data.");

        using var reader = _decoder.Open(RealTrack, 22_050);
        var seconds = ReadAllFrames(reader) / 22_050.0;

        // libvorbis's oggdec decodes 3:15.51 (8 622 153 frames at 44.1 kHz); NVorbis stops about 0.2 s earlier.
        seconds.ShouldBe(195.5, 0.5);
        reader.DeclaredDuration!.Value.TotalSeconds.ShouldBe(195.51, 0.01);
    }
}
