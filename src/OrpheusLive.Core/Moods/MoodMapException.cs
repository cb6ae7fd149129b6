namespace OrpheusLive.Core.Moods;

/// <summary>A mood mapping is invalid or could not be read or written. The message names the bad entry or file.</summary>
public sealed class MoodMapException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public MoodMapException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public MoodMapException(string message, Exception inner) : base(message, inner) { }
}
