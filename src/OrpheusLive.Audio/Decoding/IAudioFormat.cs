namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// One container/codec the app can read (WAV, Ogg Vorbis, MP3, Ogg Opus, FLAC, …). Implementations are registered in DI
/// and chosen by <see cref="IAudioDecoder"/>: first by sniffing the file's first bytes, then by extension.
/// </summary>
/// <remarks>
/// A format that needs a program which is not installed (e.g. FLAC through <c>ffmpeg</c>/<c>flac</c>) still recognises its
/// files, and <see cref="Open"/> fails with <see cref="AudioDecodeErrorKind.DecoderMissing"/> and a message that names the
/// package to install, so the user learns why instead of seeing "not audio".
/// </remarks>
public interface IAudioFormat
{
    /// <summary>Human name for messages ("Ogg Vorbis").</summary>
    string Name { get; }

    /// <summary>File extensions with the dot, lower case (".ogg", ".oga").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>True when <paramref name="header"/> (the first up to 64 bytes of a file) starts like this format.</summary>
    bool Sniff(ReadOnlySpan<byte> header);

    /// <summary>Opens a file for streaming decoding at its own rate and channel count.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="AudioDecodeException">The file is damaged, unsupported, or needs a decoder that is not installed.</exception>
    IAudioStreamReader Open(string path);
}
