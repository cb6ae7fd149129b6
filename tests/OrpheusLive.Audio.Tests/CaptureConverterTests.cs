using System.Buffers.Binary;
using NAudio.Wave;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

/// <summary>
/// The Windows capture path's conversion, run on Linux: what a WASAPI device delivers in shared mode (its mix format)
/// comes out as 16 kHz mono float in whole blocks, through NAudio's decoders and the app's resampler.
/// </summary>
public sealed class CaptureConverterTests
{
    private const int Block = 1600; // 100 ms at 16 kHz

    [Fact]
    public async Task Float_stereo_at_48k_becomes_16k_mono_with_the_tone_and_level_kept()
    {
        float[] tone = Signals.Sine(1000, 48_000, 48_000, 0.5);
        byte[] bytes = Float32(Signals.Interleave(tone, tone));

        float[] output = await Convert(WaveFormat.CreateIeeeFloatWaveFormat(48_000, 2), bytes, packetBytes: 480 * 8);

        output.Length.ShouldBe(9 * Block); // 1 s in, less the resampler delay, in whole 100 ms blocks
        AssertTone(output, 1000, 0.5);
    }

    [Fact]
    public async Task Pcm16_mono_at_44k1_is_decoded_and_resampled()
    {
        float[] tone = Signals.Sine(440, 44_100, 44_100, 0.25);
        float[] output = await Convert(new WaveFormat(44_100, 16, 1), Pcm16(tone), packetBytes: 441 * 2);

        output.Length.ShouldBeGreaterThanOrEqualTo(14_400);
        AssertTone(output, 440, 0.25);
    }

    [Fact]
    public async Task Pcm24_extensible_stereo_with_one_silent_channel_is_averaged()
    {
        // A headset microphone often fills only the left channel of a stereo mix format.
        float[] left = Signals.Sine(700, 48_000, 48_000, 0.8);
        byte[] bytes = Pcm24(Signals.Interleave(left, new float[left.Length]));

        float[] output = await Convert(new WaveFormatExtensible(48_000, 24, 2), bytes, packetBytes: 480 * 6);

        AssertTone(output, 700, 0.4);
    }

    [Fact]
    public async Task Silent_packets_become_silence_of_the_same_length()
    {
        var queue = new CaptureQueue(Block, 64);
        var converter = new CaptureConverter(WaveFormat.CreateIeeeFloatWaveFormat(48_000, 2), queue, "test mic");
        converter.Write(Float32(Enumerable.Repeat(0.9f, 2 * 24_000).ToArray()));
        converter.WriteSilence(48_000 * 8 / 2); // half a second flagged silent
        queue.Complete();

        float[] output = await ReadAll(queue);
        output.Length.ShouldBe(15_000 / Block * Block);
        output.AsSpan(9_000, Block * 3).ToArray().ShouldAllBe(s => s == 0f);
        output[4_000].ShouldBe(0.9f, 1e-3f);
    }

    [Fact]
    public async Task Audio_arrives_in_whole_blocks_whatever_the_packet_size()
    {
        var queue = new CaptureQueue(Block, 64);
        var converter = new CaptureConverter(WaveFormat.CreateIeeeFloatWaveFormat(48_000, 1), queue, "test mic");
        byte[] bytes = Float32(Signals.Sine(500, 48_000, 48_000));
        for (int offset = 0, size = 4; offset < bytes.Length; offset += size, size = size % 4000 + 4 * 37)
            converter.Write(bytes.AsSpan(offset, Math.Min(size, bytes.Length - offset)));
        queue.Complete();

        float[] output = await ReadAll(queue);
        (output.Length % Block).ShouldBe(0);
        output.Length.ShouldBe(9 * Block); // 16 000 minus the resampler's delay, in whole blocks
    }

    [Fact]
    public void A_format_naudio_cannot_decode_is_one_line_naming_the_device_and_the_fix()
    {
        var error = Should.Throw<AudioSourceException>(() =>
            new CaptureConverter(WaveFormat.CreateALawFormat(8000, 1), new CaptureQueue(Block, 4), "Windows: USB mic"));
        error.Message.ShouldStartWith("Windows: USB mic records in a format OrpheusLive cannot convert (");
        error.Message.ShouldContain("Pick 16/24/32-bit PCM or 32-bit float");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Capture_options_validate_themselves()
    {
        new WasapiCaptureSourceOptions().Validate();
        Should.Throw<AudioSourceException>(() => new WasapiCaptureSourceOptions { BufferMilliseconds = 10 }.Validate()).Message.ShouldContain("20–1000 ms");
        Should.Throw<AudioSourceException>(() => new WasapiCaptureSourceOptions { MaxBufferedSeconds = 0 }.Validate()).Message.ShouldContain("1–60 s");
    }

    private static async Task<float[]> Convert(WaveFormat format, byte[] bytes, int packetBytes)
    {
        var queue = new CaptureQueue(Block, 64);
        var converter = new CaptureConverter(format, queue, "test mic");
        for (int offset = 0; offset < bytes.Length; offset += packetBytes)
            converter.Write(bytes.AsSpan(offset, Math.Min(packetBytes, bytes.Length - offset)));
        queue.Complete();
        return await ReadAll(queue);
    }

    private static async Task<float[]> ReadAll(CaptureQueue queue)
    {
        var all = new List<float>();
        var buffer = new float[Block];
        try
        {
            while (true)
            {
                int n = await queue.ReadAsync(buffer, "test mic", TestContext.Current.CancellationToken);
                all.AddRange(buffer.AsSpan(0, n));
            }
        }
        catch (AudioSourceException)
        {
            // completed: everything queued has been read
        }

        return [.. all];
    }

    private static void AssertTone(float[] output, double frequency, double amplitude)
    {
        ReadOnlySpan<float> middle = output.AsSpan(output.Length / 4, output.Length / 2);
        Signals.ZeroCrossingFrequency(middle, IAudioSource.SampleRate).ShouldBe(frequency, 1);
        Signals.Db(Signals.AmplitudeAt(middle, frequency, IAudioSource.SampleRate) / amplitude).ShouldBe(0, 0.2);
    }

    private static byte[] Float32(float[] samples)
    {
        var bytes = new byte[samples.Length * 4];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), samples[i]);
        return bytes;
    }

    private static byte[] Pcm16(float[] samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Round(samples[i] * 32767));
        return bytes;
    }

    private static byte[] Pcm24(float[] samples)
    {
        var bytes = new byte[samples.Length * 3];
        for (int i = 0; i < samples.Length; i++)
        {
            int v = (int)Math.Round(samples[i] * 8_388_607);
            bytes[i * 3] = (byte)v;
            bytes[i * 3 + 1] = (byte)(v >> 8);
            bytes[i * 3 + 2] = (byte)(v >> 16);
        }

        return bytes;
    }
}
