namespace OrpheusLive.Core.Calibration;

/// <summary>A saved speaker profile could not be read; the message names the source and what is wrong.</summary>
public sealed class CalibrationProfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CalibrationProfileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CalibrationProfileException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public CalibrationProfileException()
    {
    }
}
