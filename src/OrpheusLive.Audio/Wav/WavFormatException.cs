namespace OrpheusLive.Audio.Wav;

/// <summary>A WAV file could not be read. The message is written for the user and names the file when known.</summary>
public sealed class WavFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the file could not be read.</param>
    /// <param name="message">A user-facing explanation.</param>
    public WavFormatException(WavErrorKind kind, string message) : base(message) => Kind = kind;

    /// <summary>Creates the exception with the underlying cause.</summary>
    /// <param name="kind">Why the file could not be read.</param>
    /// <param name="message">A user-facing explanation.</param>
    /// <param name="inner">The underlying cause.</param>
    public WavFormatException(WavErrorKind kind, string message, Exception inner) : base(message, inner) => Kind = kind;

    /// <summary>Why the file could not be read.</summary>
    public WavErrorKind Kind { get; }
}
