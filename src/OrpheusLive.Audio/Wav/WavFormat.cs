namespace OrpheusLive.Audio.Wav;

/// <summary>The sample format of a WAV file, as read from (or written to) its fmt chunk.</summary>
/// <param name="Encoding">How samples are stored.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="BitsPerSample">Container size of one sample in bits (8, 16, 24, 32 or 64).</param>
/// <param name="ValidBitsPerSample">Meaningful bits inside the container (WAVE_FORMAT_EXTENSIBLE); equals
/// <paramref name="BitsPerSample"/> for plain formats.</param>
/// <param name="IsExtensible">True when the file used WAVE_FORMAT_EXTENSIBLE.</param>
public sealed record WavFormat(
    WavSampleEncoding Encoding,
    int Channels,
    int SampleRate,
    int BitsPerSample,
    int ValidBitsPerSample,
    bool IsExtensible = false)
{
    /// <summary>Bytes per sample of one channel.</summary>
    public int BytesPerSample => BitsPerSample / 8;

    /// <summary>Bytes per frame (all channels).</summary>
    public int BlockAlign => BytesPerSample * Channels;

    /// <summary>Plain (non-extensible) integer PCM.</summary>
    public static WavFormat Pcm(int sampleRate, int channels, int bitsPerSample = 16) =>
        new(WavSampleEncoding.Pcm, channels, sampleRate, bitsPerSample, bitsPerSample);

    /// <summary>Plain (non-extensible) 32-bit IEEE float.</summary>
    public static WavFormat Float32(int sampleRate, int channels) =>
        new(WavSampleEncoding.IeeeFloat, channels, sampleRate, 32, 32);

    /// <inheritdoc />
    public override string ToString()
    {
        var kind = Encoding switch
        {
            WavSampleEncoding.Pcm => $"PCM {BitsPerSample}-bit",
            WavSampleEncoding.IeeeFloat => $"float {BitsPerSample}-bit",
            WavSampleEncoding.ALaw => "A-law",
            _ => "µ-law",
        };
        var channels = Channels switch { 1 => "mono", 2 => "stereo", _ => $"{Channels} channels" };
        return $"{kind}, {SampleRate} Hz, {channels}";
    }
}
