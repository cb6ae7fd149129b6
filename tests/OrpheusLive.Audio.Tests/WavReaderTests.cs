using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

public sealed class WavReaderTests
{
    private static WavData ReadBytes(byte[] bytes, WavReadOptions? options = null)
    {
        using var reader = new WavReader(new MemoryStream(bytes), options: options, name: "test.wav");
        var samples = new List<float>();
        var buffer = new float[1000 * reader.Format.Channels];
        int frames;
        while ((frames = reader.ReadFrames(buffer)) > 0) samples.AddRange(buffer.AsSpan(0, frames * reader.Format.Channels));
        return new WavData(reader.Format, [.. samples], reader.IsTruncated);
    }

    private static WavFormatException ReadFails(byte[] bytes) => Should.Throw<WavFormatException>(() => ReadBytes(bytes));

    [Theory]
    [InlineData(8, 8000)]
    [InlineData(16, 44100)]
    [InlineData(24, 48000)]
    [InlineData(32, 16000)]
    public void Pcm_round_trips_through_writer_and_reader(int bits, int rate)
    {
        using var dir = new TempDirectory();
        var tone = Signals.Sine(440, rate, rate / 10, amplitude: 0.7);
        var path = dir.File($"pcm{bits}.wav");
        WavFile.Write(path, WavFormat.Pcm(rate, 1, bits), tone);

        var data = WavFile.Read(path);

        data.Format.ShouldBe(WavFormat.Pcm(rate, 1, bits));
        data.Samples.Length.ShouldBe(tone.Length);
        var tolerance = bits == 8 ? 1.0 / 100 : 1.0 / 30000;
        for (var i = 0; i < tone.Length; i++) data.Samples[i].ShouldBe(tone[i], tolerance);
    }

    [Fact]
    public void Float32_round_trips_exactly()
    {
        using var dir = new TempDirectory();
        var tone = Signals.Sine(1000, 48000, 4800, amplitude: 0.9);
        var path = dir.File("f32.wav");
        WavFile.Write(path, WavFormat.Float32(48000, 1), tone);

        var data = WavFile.Read(path);

        data.Format.Encoding.ShouldBe(WavSampleEncoding.IeeeFloat);
        data.Samples.ShouldBe(tone);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Non_finite_float_samples_read_as_silence(float bad)
    {
        using var dir = new TempDirectory();
        var path = dir.File("nan.wav");
        WavFile.Write(path, WavFormat.Float32(16000, 1), [0.5f, 0.25f, -0.5f]);
        var bytes = File.ReadAllBytes(path);
        var data = bytes.AsSpan().IndexOf("data"u8) + 8;
        System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(data + 4), bad); // the second sample

        File.WriteAllBytes(path, bytes);

        WavFile.Read(path).Samples.ShouldBe(new[] { 0.5f, 0f, -0.5f });
    }

    [Fact]
    public void Float64_is_read()
    {
        using var dir = new TempDirectory();
        var tone = Signals.Sine(1000, 8000, 800);
        var path = dir.File("f64.wav");
        WavFile.Write(path, new WavFormat(WavSampleEncoding.IeeeFloat, 1, 8000, 64, 64), tone);

        WavFile.Read(path).Samples.ShouldBe(tone);
    }

    [Fact]
    public void Stereo_keeps_channel_order()
    {
        using var dir = new TempDirectory();
        var left = Signals.Sine(500, 44100, 441);
        var right = new float[441];
        Array.Fill(right, 0.25f);
        var path = dir.File("stereo.wav");
        WavFile.Write(path, WavFormat.Pcm(44100, 2), Signals.Interleave(left, right));

        var data = WavFile.Read(path);

        data.Format.Channels.ShouldBe(2);
        data.FrameCount.ShouldBe(441);
        data.Samples[1].ShouldBe(0.25f, 0.001);
        data.Samples[2 * 100].ShouldBe(left[100], 0.001);
    }

    [Fact]
    public void Extensible_pcm24_and_float_are_read()
    {
        using var dir = new TempDirectory();
        var tone = Signals.Sine(300, 48000, 480);
        foreach (var format in new[]
                 {
                     new WavFormat(WavSampleEncoding.Pcm, 2, 48000, 24, 24, IsExtensible: true),
                     new WavFormat(WavSampleEncoding.IeeeFloat, 2, 48000, 32, 32, IsExtensible: true),
                 })
        {
            var path = dir.File("ext.wav");
            WavFile.Write(path, format, Signals.Interleave(tone, tone));
            var data = WavFile.Read(path);
            data.Format.IsExtensible.ShouldBeTrue();
            data.Format.Encoding.ShouldBe(format.Encoding);
            data.Samples[2 * 50 + 1].ShouldBe(tone[50], 0.0001);
        }
    }

    [Fact]
    public void Extensible_with_24_valid_bits_in_32_bit_container_is_read()
    {
        var samples = new byte[8];
        BitConverter.GetBytes(0x40000000).CopyTo(samples, 0); // +0.5
        BitConverter.GetBytes(unchecked((int)0xC0000000)).CopyTo(samples, 4); // -0.5
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtExtensible(1, 16000, 32, 24, 1)).Chunk("data", samples).Build();

        var data = ReadBytes(bytes);

        data.Format.ValidBitsPerSample.ShouldBe(24);
        data.Samples.ShouldBe([0.5f, -0.5f]);
    }

    [Fact]
    public void Unknown_chunks_with_odd_sizes_are_skipped()
    {
        var pcm = RawWav.Pcm16([0.5f, -0.5f, 0.25f]);
        var bytes = new RawWav()
            .Chunk("LIST", [1, 2, 3]) // odd: followed by a pad byte
            .Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16))
            .Chunk("fact", [3, 0, 0, 0])
            .Chunk("JUNK", new byte[7])
            .Chunk("data", pcm)
            .Chunk("id3 ", [9, 9, 9])
            .Build();

        var data = ReadBytes(bytes);

        data.Samples.Length.ShouldBe(3);
        data.Samples[2].ShouldBe(0.25f, 0.0001);
    }

    [Fact]
    public void ALaw_and_MuLaw_are_decoded()
    {
        // 0xD5 (A-law) and 0xFF (µ-law) are the codes for (near) zero; 0x80 (µ-law) is full-scale positive.
        var alaw = new RawWav().Chunk("fmt ", RawWav.FmtTag(6, 1, 8000, 8, 1)).Chunk("data", [0xD5, 0x55]).Build();
        var mulaw = new RawWav().Chunk("fmt ", RawWav.FmtTag(7, 1, 8000, 8, 1)).Chunk("data", [0xFF, 0x80]).Build();

        var a = ReadBytes(alaw);
        var m = ReadBytes(mulaw);

        a.Format.Encoding.ShouldBe(WavSampleEncoding.ALaw);
        Math.Abs(a.Samples[0]).ShouldBeLessThan(0.001f);
        m.Samples[0].ShouldBe(0f, 0.001);
        m.Samples[1].ShouldBeGreaterThan(0.95f);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(uint.MaxValue)]
    public void Streaming_data_size_reads_to_end_of_file(uint declared)
    {
        var pcm = RawWav.Pcm16(Signals.Sine(100, 16000, 1600));
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("data", pcm, declaredSize: declared)
            .RiffSize(declared).Build();

        var data = ReadBytes(bytes);

        data.Samples.Length.ShouldBe(1600);
        data.IsTruncated.ShouldBeFalse();
    }

    [Theory]
    [InlineData(4u)]
    [InlineData(1_000_000u)]
    public void A_riff_size_that_lies_is_ignored(uint riffSize)
    {
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("data", RawWav.Pcm16([0.5f, -0.5f]))
            .RiffSize(riffSize).Build();

        ReadBytes(bytes).Samples.Length.ShouldBe(2);
    }

    [Fact]
    public void Data_size_beyond_end_of_file_is_rejected_as_truncated_by_default()
    {
        var pcm = RawWav.Pcm16(new float[100]);
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("data", pcm, declaredSize: 100_000).Build();

        var e = ReadFails(bytes);

        e.Kind.ShouldBe(WavErrorKind.Truncated);
        e.Message.ShouldContain("truncated");
        e.Message.ShouldContain("test.wav");
    }

    [Fact]
    public void Data_size_beyond_end_of_file_reads_what_is_there_when_allowed()
    {
        var pcm = RawWav.Pcm16(new float[101]).Concat(new byte[] { 7 }).ToArray(); // 101 frames and a stray half frame
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("data", pcm, declaredSize: 100_000, pad: false).Build();

        var data = ReadBytes(bytes, new WavReadOptions { AllowTruncated = true });

        data.IsTruncated.ShouldBeTrue();
        data.Samples.Length.ShouldBe(101);
    }

    [Fact]
    public void Empty_file_is_a_clear_error()
    {
        var e = ReadFails([]);
        e.Kind.ShouldBe(WavErrorKind.Invalid);
        e.Message.ShouldContain("empty");
    }

    [Fact]
    public void Non_riff_file_is_a_clear_error()
    {
        var e = ReadFails("ID3\u0004 this is an mp3 file really"u8.ToArray());
        e.Message.ShouldContain("not a WAV file");
    }

    [Fact]
    public void Riff_that_is_not_wave_is_a_clear_error()
    {
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Build();
        bytes[8] = (byte)'A';
        bytes[9] = (byte)'V';
        bytes[10] = (byte)'I';
        bytes[11] = (byte)' ';
        ReadFails(bytes).Message.ShouldContain("not WAVE");
    }

    [Fact]
    public void Missing_fmt_or_data_chunk_is_a_clear_error()
    {
        ReadFails(new RawWav().Chunk("data", new byte[4]).Build()).Message.ShouldContain("fmt");
        ReadFails(new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Build()).Message.ShouldContain("no data chunk");
    }

    [Fact]
    public void Adpcm_is_unsupported()
    {
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtTag(2, 1, 8000, 4, 256)).Chunk("data", new byte[256]).Build();
        var e = ReadFails(bytes);
        e.Kind.ShouldBe(WavErrorKind.Unsupported);
        e.Message.ShouldContain("ADPCM");
    }

    [Fact]
    public void Zero_channels_or_rate_are_clear_errors()
    {
        ReadFails(new RawWav().Chunk("fmt ", RawWav.FmtPcm(0, 16000, 16, blockAlign: 2)).Chunk("data", new byte[4]).Build())
            .Message.ShouldContain("0 channels");
        ReadFails(new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 0, 16)).Chunk("data", new byte[4]).Build())
            .Message.ShouldContain("0 Hz");
    }

    [Fact]
    public void Block_align_mismatch_is_a_clear_error()
    {
        var e = ReadFails(new RawWav().Chunk("fmt ", RawWav.FmtPcm(2, 16000, 16, blockAlign: 2)).Chunk("data", new byte[8]).Build());
        e.Kind.ShouldBe(WavErrorKind.Invalid);
        e.Message.ShouldContain("block align");
    }

    [Fact]
    public void Header_cut_at_every_byte_never_crashes()
    {
        var full = new RawWav().Chunk("LIST", new byte[5]).Chunk("fmt ", RawWav.FmtPcm(2, 44100, 16))
            .Chunk("data", RawWav.Pcm16(new float[20])).Build();
        for (var length = 0; length < full.Length; length++)
        {
            var cut = full[..length];
            try
            {
                ReadBytes(cut);
            }
            catch (WavFormatException e)
            {
                e.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void Random_garbage_never_crashes()
    {
        var random = new Random(1234);
        for (var n = 0; n < 300; n++)
        {
            var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("data", new byte[64]).Build();
            // Corrupt a few header bytes.
            for (var k = 0; k < 3; k++) bytes[random.Next(4, 48)] = (byte)random.Next(256);
            try
            {
                ReadBytes(bytes);
            }
            catch (WavFormatException e)
            {
                e.Message.ShouldNotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void Writer_on_a_pipe_leaves_streaming_sizes_that_the_reader_accepts()
    {
        var tone = Signals.Sine(440, 16000, 1000);
        var pipe = new NonSeekableStream();
        using (var writer = new WavWriter(pipe, WavFormat.Pcm(16000, 1), leaveOpen: true)) writer.WriteFrames(tone);

        var data = ReadBytes(pipe.Inner.ToArray());

        data.Samples.Length.ShouldBe(1000);
    }

    [Fact]
    public void Non_seekable_stream_is_read()
    {
        var sampler = new byte[36 + 24 + 3]; // one loop and 3 bytes of sampler data
        sampler[28] = 1;
        sampler[32] = 3;
        var bytes = new RawWav().Chunk("fmt ", RawWav.FmtPcm(1, 16000, 16)).Chunk("LIST", new byte[3])
            .Chunk("smpl", sampler).Chunk("data", RawWav.Pcm16([0.5f, 0.5f])).Build();
        using var reader = new WavReader(new NonSeekableStream(bytes));
        var buffer = new float[10];
        reader.ReadFrames(buffer).ShouldBe(2);
        buffer[1].ShouldBe(0.5f, 0.001);
    }

    private sealed class NonSeekableStream(byte[]? content = null) : Stream
    {
        public MemoryStream Inner { get; } = content is null ? new MemoryStream() : new MemoryStream(content);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }
}
