namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// The one decoder service: "any supported audio file → mono float at a wanted rate" (16 kHz for the emotion model,
/// another rate for music analysis). Used by <c>listen --input</c>, <c>eval</c>, the API upload and the music library,
/// so every caller accepts the same files and reports the same errors.
/// </summary>
public interface IAudioDecoder
{
    /// <summary>The formats this decoder knows, for messages and help ("WAV, Ogg Vorbis, MP3, …").</summary>
    IReadOnlyList<IAudioFormat> Formats { get; }

    /// <summary>
    /// Opens <paramref name="path"/> and converts it on the fly (downmix, band-limited resampling) to mono at
    /// <paramref name="sampleRate"/>.
    /// </summary>
    /// <exception cref="AudioDecodeException">Missing, unreadable, not audio, damaged, unsupported, or a decoder is missing.</exception>
    IMonoAudioReader Open(string path, int sampleRate = 16_000);
}
