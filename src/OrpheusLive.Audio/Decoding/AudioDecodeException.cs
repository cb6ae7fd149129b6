namespace OrpheusLive.Audio.Decoding;

/// <summary>A file could not be decoded. The message is one plain-words line that names the file and, where it helps, what to do.</summary>
public sealed class AudioDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AudioDecodeException(AudioDecodeErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Why decoding failed.</summary>
    public AudioDecodeErrorKind Kind { get; }
}
