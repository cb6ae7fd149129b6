namespace OrpheusLive.Api.Uploads;

/// <summary>An upload cannot be scored; carries the HTTP status and a plain-words message for the client.</summary>
public sealed class UploadRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">400, 413 or 415.</param>
    /// <param name="message">What is wrong with the upload and how to fix it.</param>
    public UploadRejectedException(int statusCode, string message) : base(message) => StatusCode = statusCode;

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="statusCode">400, 413 or 415.</param>
    /// <param name="message">What is wrong with the upload and how to fix it.</param>
    /// <param name="inner">The underlying cause.</param>
    public UploadRejectedException(int statusCode, string message, Exception inner) : base(message, inner) => StatusCode = statusCode;

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }
}
