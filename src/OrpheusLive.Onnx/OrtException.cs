namespace OrpheusLive.Onnx;

/// <summary>An ONNX Runtime call returned an error status.</summary>
public sealed class OrtException : Exception
{
    /// <summary>Creates the exception from ONNX Runtime's error code and message.</summary>
    public OrtException(int errorCode, string message) : base(message) => ErrorCode = errorCode;

    /// <summary>ONNX Runtime's OrtErrorCode (1 FAIL, 2 INVALID_ARGUMENT, 3 NO_SUCHFILE, 4 NO_MODEL, 7 INVALID_PROTOBUF, 10 INVALID_GRAPH ...).</summary>
    public int ErrorCode { get; }
}
