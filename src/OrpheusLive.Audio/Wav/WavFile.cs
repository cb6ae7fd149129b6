namespace OrpheusLive.Audio.Wav;

/// <summary>Whole-file helpers over <see cref="WavReader"/> and <see cref="WavWriter"/> (tests, tools, short clips).</summary>
public static class WavFile
{
    /// <summary>Reads a whole WAV file into memory.</summary>
    /// <exception cref="WavFormatException">The file is not a readable WAV file.</exception>
    public static WavData Read(string path, WavReadOptions? options = null)
    {
        using var reader = WavReader.Open(path, options);
        var channels = reader.Format.Channels;
        var samples = new List<float>(reader.FrameCount is { } frames ? (int)Math.Min(frames * channels, 1 << 28) : 1 << 16);
        var chunk = new float[4096 * channels];
        int read;
        while ((read = reader.ReadFrames(chunk)) > 0) samples.AddRange(chunk.AsSpan(0, read * channels));
        return new WavData(reader.Format, [.. samples], reader.IsTruncated);
    }

    /// <summary>Writes interleaved samples to a WAV file.</summary>
    public static void Write(string path, WavFormat format, ReadOnlySpan<float> interleaved) =>
        WavWriter.WriteFile(path, format, interleaved);
}
