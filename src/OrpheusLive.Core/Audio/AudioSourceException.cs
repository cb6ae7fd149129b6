namespace OrpheusLive.Core.Audio;

/// <summary>An audio input could not be opened or read. The message is written for the user.</summary>
public sealed class AudioSourceException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public AudioSourceException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public AudioSourceException(string message, Exception inner) : base(message, inner) { }
}
