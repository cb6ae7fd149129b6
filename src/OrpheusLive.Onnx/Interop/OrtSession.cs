using Microsoft.Extensions.Logging;

namespace OrpheusLive.Onnx.Interop;

/// <summary>
/// An ONNX Runtime inference session plus what the model declares (inputs, outputs, metadata), read once at load.
/// </summary>
internal sealed unsafe class OrtSession : IDisposable
{
    private const int GraphOptimizationAll = 99;

    private readonly OrtApi _api;
    private readonly OrtSessionHandle _handle;

    private OrtSession(OrtApi api, nint session, string executionProvider)
    {
        _api = api;
        _handle = new OrtSessionHandle(session);
        ExecutionProvider = executionProvider;
        Inputs = Enumerable.Range(0, api.SessionGetInputCount(session)).Select(i => api.SessionGetInputDescription(session, i)).ToArray();
        Outputs = Enumerable.Range(0, api.SessionGetOutputCount(session)).Select(i => api.SessionGetOutputDescription(session, i)).ToArray();
        Metadata = api.SessionGetModelMetadata(session);
    }

    /// <summary>"CPU" or "DirectML": the provider the session actually runs on.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Model inputs in declaration order.</summary>
    public IReadOnlyList<OrtTensorDescription> Inputs { get; }

    /// <summary>Model outputs in declaration order.</summary>
    public IReadOnlyList<OrtTensorDescription> Outputs { get; }

    /// <summary>Model metadata.</summary>
    public OrtModelMetadata Metadata { get; }

    /// <summary>
    /// Opens <paramref name="modelPath"/>. With <paramref name="preferDirectML"/> the DirectML provider is tried first;
    /// if it cannot be appended or the session cannot be created on it, a warning is logged and the CPU provider used.
    /// </summary>
    /// <exception cref="OrtException">ONNX Runtime rejected the model.</exception>
    public static OrtSession Open(OrtApi api, string modelPath, int intraOpThreads, int interOpThreads, bool preferDirectML, ILogger logger)
    {
        if (preferDirectML)
        {
            nint options = CreateOptions(api, intraOpThreads, interOpThreads);
            try
            {
                if (api.TryAppendDirectML(options, deviceId: 0, out string? failure))
                {
                    try
                    {
                        return new OrtSession(api, api.CreateSession(modelPath, options), "DirectML");
                    }
                    catch (OrtException e)
                    {
                        logger.LogWarning("DirectML could not run {Model} ({Reason}); using the CPU instead.", Path.GetFileName(modelPath), e.Message);
                    }
                }
                else
                {
                    logger.LogWarning("DirectML is not available ({Reason}); {Model} runs on the CPU.", failure, Path.GetFileName(modelPath));
                }
            }
            finally
            {
                api.ReleaseSessionOptions(options);
            }
        }

        nint cpuOptions = CreateOptions(api, intraOpThreads, interOpThreads);
        try
        {
            return new OrtSession(api, api.CreateSession(modelPath, cpuOptions), "CPU");
        }
        finally
        {
            api.ReleaseSessionOptions(cpuOptions);
        }
    }

    /// <summary>Opens a model held in memory on the CPU provider (tests, embedded models).</summary>
    public static OrtSession OpenFromMemory(OrtApi api, ReadOnlySpan<byte> model, int intraOpThreads)
    {
        nint options = CreateOptions(api, intraOpThreads, 1);
        try
        {
            return new OrtSession(api, api.CreateSessionFromArray(model, options), "CPU");
        }
        finally
        {
            api.ReleaseSessionOptions(options);
        }
    }

    private static nint CreateOptions(OrtApi api, int intraOpThreads, int interOpThreads)
    {
        nint options = api.CreateSessionOptions();
        try
        {
            api.SetIntraOpNumThreads(options, intraOpThreads);
            api.SetInterOpNumThreads(options, interOpThreads);
            api.SetGraphOptimizationLevel(options, GraphOptimizationAll);
            return options;
        }
        catch
        {
            api.ReleaseSessionOptions(options);
            throw;
        }
    }

    /// <summary>See <see cref="OrtApi.Run"/>.</summary>
    public void Run(nint* inputNames, nint* inputs, int inputCount, nint* outputNames, nint* outputs, int outputCount)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        _api.Run(_handle.DangerousGetHandle(), inputNames, inputs, inputCount, outputNames, outputs, outputCount);
    }

    public void Dispose() => _handle.Dispose();
}
