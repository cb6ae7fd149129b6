namespace OrpheusLive.Audio.Playback;

/// <summary>An audio output could not be opened or stopped working. The message is written for the user.</summary>
public sealed class AudioOutputException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public AudioOutputException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public AudioOutputException(string message, Exception inner) : base(message, inner) { }
}
