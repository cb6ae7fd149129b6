using System.Buffers.Binary;
using System.Text.Json;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// WAV files whose header lies about their size, through the real CLI (<c>listen --input</c>). As documented on
/// <see cref="WavReadOptions.AllowTruncated"/>: a data chunk that claims more bytes than the file holds is a cut-off
/// file and is rejected (one line naming the file and "truncated"); a streaming recorder's header (RIFF and data size
/// 0 or 0xFFFFFFFF, never patched) is read to the end of the file, exactly like the same audio with a correct header.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class WavSizeTests
{
    [Fact]
    public async Task A_data_chunk_claiming_more_bytes_than_the_file_has_is_rejected_as_truncated()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut-off-recording.wav");
        var bytes = ClipBytes(dir, seconds: 6);
        var data = DataChunkOffset(bytes);
        var realSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(data + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(data + 4), realSize + 64_000); // 2 s more than there is
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", path, "--fast", "--json"], dir.Path);

        code.ShouldBe(1, stderr);
        var status = System.Text.Json.JsonDocument.Parse(stdout.Trim()).RootElement; // the one JSON line: the same error
        status.GetProperty("id").GetString().ShouldBe("input.failed");
        status.GetProperty("message").GetString()!.ShouldContain("truncated");
        var lines = stderr.Trim().Split('\n');
        lines.Length.ShouldBe(1, stderr);
        lines[0].ShouldStartWith("orpheus listen: ");
        lines[0].ShouldContain("cut-off-recording.wav");
        lines[0].ShouldContain("truncated");
        lines[0].ShouldContain($"{realSize + 64_000} bytes", Case.Sensitive, "it says what the header claims");
        lines[0].ShouldContain($"only {realSize} are in the file", Case.Sensitive, "and what is really there");
    }

    [Theory]
    [InlineData(0u, 0u)]
    [InlineData(0xFFFFFFFFu, 0xFFFFFFFFu)]
    [InlineData(0u, 0xFFFFFFFFu)]
    public async Task A_streaming_header_with_unknown_sizes_is_read_to_the_end_like_a_correct_one(uint riffSize, uint dataSize)
    {
        using var dir = new TempDirectory();
        var bytes = ClipBytes(dir, seconds: 12);
        var correct = dir.File("correct.wav");
        await File.WriteAllBytesAsync(correct, bytes, TestContext.Current.CancellationToken);
        var data = DataChunkOffset(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), riffSize);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(data + 4), dataSize);
        var streaming = dir.File("streaming.wav");
        await File.WriteAllBytesAsync(streaming, bytes, TestContext.Current.CancellationToken);

        var expected = await WindowsAsync(correct, dir.Path);
        var actual = await WindowsAsync(streaming, dir.Path);

        expected.Count.ShouldBe(10, "12 s of audio in 3 s windows every 1 s");
        actual.ShouldBe(expected, "the same audio, every window, the same results");
    }

    private static async Task<List<string>> WindowsAsync(string wav, string config)
    {
        var (code, stdout, stderr) = await OrpheusProcess.RunAsync(["listen", "--input", wav, "--fast", "--json", "--player", "console"], config);
        code.ShouldBe(0, stderr);
        stderr.ShouldNotContain("truncated");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "window")
            .Select(w => $"t={w.GetProperty("t").GetDouble()} speech={w.GetProperty("speech").GetBoolean()} " +
                         $"emotion={w.GetProperty("emotion")} confidence={w.GetProperty("confidence").GetDouble()} level={w.GetProperty("level_dbfs").GetDouble()}")
            .ToList();
    }

    /// <summary>The first <paramref name="seconds"/> s of the demo (real speech) as a 16-bit PCM WAV, as bytes.</summary>
    private static byte[] ClipBytes(TempDirectory dir, int seconds)
    {
        var demo = WavFile.Read(OrpheusProcess.DemoWav);
        var rate = demo.Format.SampleRate;
        var channels = demo.Format.Channels;
        var path = dir.File($"clip-{Guid.NewGuid():N}.wav");
        WavFile.Write(path, WavFormat.Pcm(rate, channels), demo.Samples.AsSpan(0, seconds * rate * channels));
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }

    private static int DataChunkOffset(byte[] wav)
    {
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(position + 4));
            if (wav.AsSpan(position, 4).SequenceEqual("data"u8))
            {
                return position;
            }

            position += 8 + (int)size + (int)(size & 1);
        }

        throw new InvalidDataException("no data chunk");
    }
}
