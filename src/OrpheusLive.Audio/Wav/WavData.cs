namespace OrpheusLive.Audio.Wav;

/// <summary>A whole WAV file in memory.</summary>
/// <param name="Format">The file's sample format.</param>
/// <param name="Samples">Interleaved samples in [-1, 1].</param>
/// <param name="IsTruncated">True when the file was cut short and read leniently.</param>
public sealed record WavData(WavFormat Format, float[] Samples, bool IsTruncated = false)
{
    /// <summary>Frames (samples per channel).</summary>
    public int FrameCount => Samples.Length / Format.Channels;
}
