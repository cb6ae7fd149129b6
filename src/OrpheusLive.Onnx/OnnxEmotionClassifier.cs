using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>
/// Classifies 16 kHz mono windows with an ONNX emotion model on ONNX Runtime (the official C# API). The session, the
/// input/output <see cref="OrtValue"/>s over pinned buffers and their <see cref="OrtIoBinding"/> are created once, so
/// <see cref="Classify"/> allocates nothing.
/// </summary>
/// <remarks>
/// Thread-safety: any thread may call <see cref="Classify"/>, but calls run one at a time (an internal lock guards the
/// shared input/output buffers). <see cref="Dispose"/> waits for a running call to finish.
/// </remarks>
public sealed class OnnxEmotionClassifier : IEmotionClassifier
{
    private readonly Lock _gate = new();
    private readonly OnnxModelSession _session;
    private readonly PinnedTensor<float> _input;
    private readonly PinnedTensor<float> _output;
    private readonly OnnxRunBinding _binding;
    private readonly string[] _labels;
    private bool _disposed;

    /// <summary>Loads and checks the model named by <see cref="OnnxOptions.Path"/>.</summary>
    /// <param name="options">Model path, threads and execution provider.</param>
    /// <param name="logger">Receives warnings (DirectML fallback, unknown labels); optional.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    /// <exception cref="ModelException">The model is missing, corrupt or breaks the model contract; the message says which and how to fix it.</exception>
    public OnnxEmotionClassifier(OnnxOptions options, ILogger<OnnxEmotionClassifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILogger log = logger ?? (ILogger)NullLogger.Instance;

        string path = ModelFiles.RequireFile(options.Path, "Emotion model", $"{OnnxOptions.SectionName}:Path");
        try
        {
            _session = OnnxModelSession.Open(path, options.IntraOpThreads, options.InterOpThreads, options.ExecutionProvider, log);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelException(
                $"Emotion model '{path}' could not be loaded: it is not a valid ONNX model or it is corrupt (ONNX Runtime: {e.Message}). " +
                "Hint: replace it with a freshly exported .onnx file.", e);
        }

        try
        {
            ModelMetadata metadata = _session.Metadata;
            EmotionModelLayout layout = EmotionModelContract.Validate(path, _session.Inputs, _session.Outputs, metadata.CustomMetadataMap);
            foreach (string warning in layout.Warnings) log.LogWarning("Emotion model {Model}: {Warning}.", path, warning);

            _labels = [.. layout.Labels];
            WindowSamples = layout.WindowSamples;
            _input = new PinnedTensor<float>(layout.InputShape);
            _output = new PinnedTensor<float>(layout.OutputShape);
            _binding = new OnnxRunBinding(_session.Session, [(layout.InputName, _input.Value)], [(layout.OutputName, _output.Value)]);
            Info = new ModelInfo(path, NameOf(path, metadata), VersionOf(metadata), $"ONNX Runtime {OnnxRuntimeNative.Version} ({_session.ExecutionProvider})", AllMetadata(metadata));

            // One run now: the first run is the slow one (allocations, kernel selection), and a model that loads but
            // cannot run should fail here with a clear message rather than on the first window.
            WarmUp(path);
        }
        catch
        {
            _binding?.Dispose();
            _output?.Dispose();
            _input?.Dispose();
            _session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <inheritdoc />
    public int WindowSamples { get; }

    /// <inheritdoc />
    public ModelInfo Info { get; }

    /// <summary>"CPU" or "DirectML": where the model actually runs.</summary>
    public string ExecutionProvider => _session.ExecutionProvider;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The window or the probabilities span has the wrong length.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    public void Classify(ReadOnlySpan<float> window, Span<float> probabilities)
    {
        if (window.Length != WindowSamples)
            throw new ArgumentException($"The window has {window.Length} samples; the model takes exactly {WindowSamples}.", nameof(window));
        if (probabilities.Length != _labels.Length)
            throw new ArgumentException($"The probabilities span has room for {probabilities.Length} values; the model has {_labels.Length} labels.", nameof(probabilities));

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            window.CopyTo(_input.Span);
            _binding.Run();
            ProbabilityNormalizer.ToProbabilities(_output.Span, probabilities);
        }
    }

    /// <summary>Releases the native session and tensors.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _binding.Dispose();
            _input.Dispose();
            _output.Dispose();
            _session.Dispose();
        }
    }

    private void WarmUp(string path)
    {
        _input.Span.Clear();
        try
        {
            _binding.Run();
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelException(
                $"Emotion model '{path}' loads but fails to run on a silent window (ONNX Runtime: {e.Message}). " +
                "Hint: check the model with onnxruntime in Python on a [1, N] float32 input, then re-export it.", e);
        }
    }

    private static string NameOf(string path, ModelMetadata metadata) =>
        metadata.CustomMetadataMap.TryGetValue("name", out string? name) && !string.IsNullOrWhiteSpace(name) ? name : Path.GetFileName(path);

    private static string VersionOf(ModelMetadata metadata)
    {
        if (metadata.CustomMetadataMap.TryGetValue("version", out string? version) && !string.IsNullOrWhiteSpace(version)) return version;
        return metadata.Version > 0 ? metadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
    }

    private static Dictionary<string, string> AllMetadata(ModelMetadata metadata)
    {
        // metadata_props as they are, plus the ModelProto fields under onnx.* names (never clobbering a custom key).
        var all = new Dictionary<string, string>(metadata.CustomMetadataMap, StringComparer.Ordinal);
        AddIfPresent(all, "onnx.producer_name", metadata.ProducerName);
        AddIfPresent(all, "onnx.graph_name", metadata.GraphName);
        AddIfPresent(all, "onnx.domain", metadata.Domain);
        AddIfPresent(all, "onnx.doc_string", metadata.Description);
        if (metadata.Version != 0) all.TryAdd("onnx.model_version", metadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return all;
    }

    private static void AddIfPresent(Dictionary<string, string> all, string key, string value)
    {
        if (!string.IsNullOrEmpty(value)) all.TryAdd(key, value);
    }
}
