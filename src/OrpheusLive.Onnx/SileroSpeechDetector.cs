using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>
/// Speech detection with the Silero VAD v5 ONNX model: the window is cut into 32 ms chunks of 512 samples, each run
/// with the 64 samples before it as context (input [1, 576]) and the recurrent state of the previous chunk; the
/// result is the fraction of chunks whose speech probability reaches <see cref="Threshold"/>.
/// </summary>
/// <remarks>
/// <para>
/// State is reset at the start of every window instead of being carried over. The pipeline's windows may overlap
/// (a 3 s window every second) or have gaps (dropped audio), so the end of one window is generally not the audio just
/// before the next one; feeding them as one stream would show Silero repeated or discontinuous audio. A cold state
/// costs little: the first chunk or two of a window read slightly low, out of 93.
/// </para>
/// <para>A trailing partial chunk (48 000 = 93 × 512 + 384) is ignored. Windows shorter than one chunk return 0.</para>
/// <para>Thread-safety: calls run one at a time (internal lock). No allocation per call.</para>
/// </remarks>
public sealed class SileroSpeechDetector : ISpeechDetector, IDisposable
{
    /// <summary>New samples per Silero chunk at 16 kHz.</summary>
    public const int ChunkSamples = 512;

    /// <summary>Samples of the previous chunk prepended as context.</summary>
    public const int ContextSamples = 64;

    private const int StateSize = 2 * 1 * 128;

    private readonly Lock _gate = new();
    private readonly OnnxModelSession _session;
    private readonly PinnedTensor<float> _input;
    private readonly PinnedTensor<float> _state;
    private readonly PinnedTensor<long> _sampleRate;
    private readonly PinnedTensor<float> _probability;
    private readonly PinnedTensor<float> _nextState;
    private readonly OnnxRunBinding _binding;
    private bool _disposed;

    /// <summary>Loads the model named by <see cref="OnnxOptions.VadPath"/> (always on the CPU, one thread).</summary>
    /// <param name="options">VAD path and <see cref="OnnxOptions.SpeechThreshold"/>.</param>
    /// <param name="logger">Optional logger.</param>
    /// <exception cref="ModelException">The model is missing, corrupt or not a Silero v5-style VAD.</exception>
    public SileroSpeechDetector(OnnxOptions options, ILogger<SileroSpeechDetector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ILogger log = logger ?? (ILogger)NullLogger.Instance;
        Threshold = options.SpeechThreshold;

        string path = ModelFiles.RequireFile(options.VadPath, "Speech detection (VAD) model", $"{OnnxOptions.SectionName}:VadPath");
        try
        {
            _session = OnnxModelSession.Open(path, intraOpThreads: 1, interOpThreads: 1, OnnxExecutionProvider.Cpu, log);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelException(
                $"Speech detection (VAD) model '{path}' could not be loaded: it is not a valid ONNX model or it is corrupt (ONNX Runtime: {e.Message}). " +
                "Hint: rebuild the app so models/silero_vad_v5.onnx is copied again.", e);
        }

        try
        {
            TensorDescription input = Require(path, _session.Inputs, "input", TensorElementType.Float);
            TensorDescription state = Require(path, _session.Inputs, "state", TensorElementType.Float);
            TensorDescription sampleRate = Require(path, _session.Inputs, "sr", TensorElementType.Int64);
            TensorDescription output = Require(path, _session.Outputs, "output", TensorElementType.Float);
            TensorDescription nextState = Require(path, _session.Outputs, "stateN", TensorElementType.Float);
            if (_session.Inputs.Count != 3 || state.Dimensions.Count != 3 || state.Dimensions[0] != 2 || state.Dimensions[2] != 128)
            {
                throw new ModelException(
                    $"Speech detection (VAD) model '{path}' is not a Silero VAD v5 model (expected inputs input, state [2, 1, 128], sr). " +
                    "Hint: use silero_vad_v5.onnx from @ricky0123/vad-web.");
            }

            _input = new PinnedTensor<float>([1, ContextSamples + ChunkSamples]);
            _state = new PinnedTensor<float>([2, 1, 128]);
            // The model declares sr as a scalar; honour whatever rank it declares.
            _sampleRate = new PinnedTensor<long>(sampleRate.Dimensions.Count == 0 ? [] : [1]);
            _sampleRate.Span[0] = EmotionModelContract.SampleRate;
            _probability = new PinnedTensor<float>([1, 1]);
            _nextState = new PinnedTensor<float>([2, 1, 128]);
            _binding = new OnnxRunBinding(
                _session.Session,
                [(input.Name, _input.Value), (state.Name, _state.Value), (sampleRate.Name, _sampleRate.Value)],
                [(output.Name, _probability.Value), (nextState.Name, _nextState.Value)]);
            ModelPath = path;
            Runtime = $"ONNX Runtime {OnnxRuntimeNative.Version} (CPU)";
            _binding.Run(); // fail now, not on the first window, if the model cannot run
        }
        catch (OnnxRuntimeException e)
        {
            DisposeNative();
            throw new ModelException($"Speech detection (VAD) model '{path}' loads but fails to run (ONNX Runtime: {e.Message}). Hint: use silero_vad_v5.onnx.", e);
        }
        catch
        {
            DisposeNative();
            throw;
        }
    }

    /// <summary>Speech probability at or above which a chunk counts as speech.</summary>
    public float Threshold { get; }

    /// <summary>The model file in use.</summary>
    public string ModelPath { get; }

    /// <summary>"ONNX Runtime 1.30.0 (CPU)".</summary>
    public string Runtime { get; }

    /// <inheritdoc />
    public float SpeechFraction(ReadOnlySpan<float> window)
    {
        int chunks = window.Length / ChunkSamples;
        if (chunks == 0) return 0f;

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Span<float> input = _input.Span;
            Span<float> context = input[..ContextSamples];
            Span<float> fresh = input[ContextSamples..];
            Span<float> state = _state.Span;
            ReadOnlySpan<float> nextState = _nextState.Span;
            ReadOnlySpan<float> probability = _probability.Span;

            // Fresh state per window: see the remarks on the class.
            context.Clear();
            state.Clear();
            int speechChunks = 0;
            for (int c = 0; c < chunks; c++)
            {
                ReadOnlySpan<float> chunk = window.Slice(c * ChunkSamples, ChunkSamples);
                chunk.CopyTo(fresh);
                _binding.Run();
                if (probability[0] >= Threshold) speechChunks++;
                nextState.CopyTo(state);
                chunk[^ContextSamples..].CopyTo(context);
            }

            return speechChunks / (float)chunks;
        }
    }

    /// <summary>Releases the native session and tensors.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            DisposeNative();
        }
    }

    private void DisposeNative()
    {
        _binding?.Dispose();
        _input?.Dispose();
        _state?.Dispose();
        _sampleRate?.Dispose();
        _probability?.Dispose();
        _nextState?.Dispose();
        _session?.Dispose();
    }

    private static TensorDescription Require(string path, IReadOnlyList<TensorDescription> items, string name, TensorElementType type)
    {
        TensorDescription? found = items.FirstOrDefault(i => i.Name == name);
        if (found is not null && found.IsTensor && found.ElementType == type) return found;
        throw new ModelException(
            $"Speech detection (VAD) model '{path}' has no {TensorDescription.DescribeType(type)} '{name}' tensor " +
            $"(it has {string.Join(", ", items.Select(i => $"'{i.Name}' {i.Describe()}"))}); it is not a Silero VAD v5 model. " +
            "Hint: use silero_vad_v5.onnx from @ricky0123/vad-web.");
    }
}
