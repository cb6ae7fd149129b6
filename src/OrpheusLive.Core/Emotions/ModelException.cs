namespace OrpheusLive.Core.Emotions;

/// <summary>A model is missing, corrupt or does not match the expected contract. The message is written for the user.</summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public ModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public ModelException(string message, Exception inner) : base(message, inner) { }
}
