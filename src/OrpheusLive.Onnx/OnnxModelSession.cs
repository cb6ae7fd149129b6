using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace OrpheusLive.Onnx;

/// <summary>
/// One ONNX Runtime inference session (one per model) plus what the model declares (inputs, outputs, metadata),
/// read once at load, and the execution provider it actually runs on.
/// </summary>
internal sealed class OnnxModelSession : IDisposable
{
    private OnnxModelSession(InferenceSession session, string executionProvider)
    {
        Session = session;
        ExecutionProvider = executionProvider;
        Inputs = TensorDescription.From(session.InputNames, session.InputMetadata);
        Outputs = TensorDescription.From(session.OutputNames, session.OutputMetadata);
        Metadata = session.ModelMetadata;
    }

    /// <summary>The session itself.</summary>
    public InferenceSession Session { get; }

    /// <summary>"CPU" or "DirectML": the provider the session actually runs on.</summary>
    public string ExecutionProvider { get; }

    /// <summary>Model inputs in declaration order.</summary>
    public IReadOnlyList<TensorDescription> Inputs { get; }

    /// <summary>Model outputs in declaration order.</summary>
    public IReadOnlyList<TensorDescription> Outputs { get; }

    /// <summary>Model metadata (ModelProto fields and metadata_props).</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>
    /// Opens <paramref name="modelPath"/> on <paramref name="provider"/>. DirectML (Windows only; also tried by
    /// <see cref="OnnxExecutionProvider.Auto"/> there) falls back to the CPU with one logged warning when it cannot be
    /// appended or cannot run the model; asking for DirectML elsewhere logs a warning and uses the CPU.
    /// </summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the model.</exception>
    /// <exception cref="OrpheusLive.Core.Emotions.ModelException">The native library cannot be loaded.</exception>
    public static OnnxModelSession Open(string modelPath, int intraOpThreads, int interOpThreads, OnnxExecutionProvider provider, ILogger logger)
    {
        OnnxRuntimeNative.EnsureInitialized();
        if (provider is OnnxExecutionProvider.Auto or OnnxExecutionProvider.DirectML)
        {
            if (OperatingSystem.IsWindows())
            {
                InferenceSession? onDirectML = TryOpenOnDirectML(modelPath, intraOpThreads, interOpThreads, logger);
                if (onDirectML is not null) return new OnnxModelSession(onDirectML, "DirectML");
            }
            else if (provider == OnnxExecutionProvider.DirectML)
            {
                logger.LogWarning(
                    "{Setting} is directml, but DirectML exists only on Windows; {Model} runs on the CPU.",
                    $"{OnnxOptions.SectionName}:ExecutionProvider", Path.GetFileName(modelPath));
            }
        }

        using SessionOptions options = CreateOptions(intraOpThreads, interOpThreads);
        return new OnnxModelSession(new InferenceSession(modelPath, options), "CPU");
    }

    /// <summary>Opens a model held in memory on the CPU (tests).</summary>
    public static OnnxModelSession OpenFromMemory(byte[] model, int intraOpThreads)
    {
        OnnxRuntimeNative.EnsureInitialized();
        using SessionOptions options = CreateOptions(intraOpThreads, 1);
        return new OnnxModelSession(new InferenceSession(model, options), "CPU");
    }

    public void Dispose() => Session.Dispose();

    [SupportedOSPlatform("windows")]
    private static InferenceSession? TryOpenOnDirectML(string modelPath, int intraOpThreads, int interOpThreads, ILogger logger)
    {
        using SessionOptions options = CreateOptions(intraOpThreads, interOpThreads);
        // DirectML requires sequential execution without memory patterns.
        options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        options.EnableMemoryPattern = false;

        // onnxruntime.dll loads DirectML.dll by name; loading the copy from the same npm tarball first makes that resolve
        // to it whatever the process's DLL search order is (for `dotnet orpheus.dll` the exe folder is dotnet's).
        string directML = Path.Combine(Path.GetDirectoryName(OnnxRuntimeNative.LibraryPath) ?? "", "DirectML.dll");
        if (File.Exists(directML)) NativeLibrary.TryLoad(directML, out _);

        try
        {
            options.AppendExecutionProvider_DML(0);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException)
        {
            logger.LogWarning("DirectML is not available ({Reason}); {Model} runs on the CPU.", e.Message, Path.GetFileName(modelPath));
            return null;
        }

        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            logger.LogWarning("DirectML could not run {Model} ({Reason}); using the CPU instead.", Path.GetFileName(modelPath), e.Message);
            return null;
        }
    }

    private static SessionOptions CreateOptions(int intraOpThreads, int interOpThreads)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = interOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        return options;
    }
}
