namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>The formats the app reads, in sniffing order (MP3's frame sync is the weakest magic, so it comes last).</summary>
public static class AudioFormats
{
    /// <summary>WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3 — register these with <see cref="AudioDecoder"/>.</summary>
    /// <param name="searchPath">Where FLAC and surround Vorbis look for their decoder programs (PATH when null).</param>
    public static IReadOnlyList<IAudioFormat> All(string? searchPath = null) =>
        [new WavAudioFormat(), new FlacAudioFormat(searchPath), new OggVorbisAudioFormat(searchPath), new OggOpusAudioFormat(), new Mp3AudioFormat()];
}
