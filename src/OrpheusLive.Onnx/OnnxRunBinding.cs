using Microsoft.ML.OnnxRuntime;

namespace OrpheusLive.Onnx;

/// <summary>
/// An <see cref="OrtIoBinding"/> that binds every input and output of one session to a <see cref="PinnedTensor{T}"/>
/// once, so <see cref="Run"/> costs no managed allocation: ONNX Runtime reads the inputs from and writes the outputs
/// into the pinned buffers. Not thread-safe (owners serialise runs).
/// </summary>
internal sealed class OnnxRunBinding : IDisposable
{
    private readonly InferenceSession _session;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private bool _disposed;

    /// <param name="session">The session to run.</param>
    /// <param name="inputs">Name and (pre-allocated) value for every model input.</param>
    /// <param name="outputs">Name and a pre-allocated value of exactly the output's shape, for each wanted output.</param>
    public OnnxRunBinding(InferenceSession session, IReadOnlyList<(string Name, OrtValue Value)> inputs, IReadOnlyList<(string Name, OrtValue Value)> outputs)
    {
        _session = session;
        _binding = session.CreateIoBinding();
        try
        {
            foreach ((string name, OrtValue value) in inputs) _binding.BindInput(name, value);
            foreach ((string name, OrtValue value) in outputs) _binding.BindOutput(name, value);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Runs the model; outputs land in the pre-allocated output tensors.</summary>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed to run the model.</exception>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _session.RunWithBinding(_runOptions, _binding);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _binding.Dispose();
        _runOptions.Dispose();
    }
}
