using System.Runtime.InteropServices;

namespace OrpheusLive.Onnx.Interop;

/// <summary>
/// Everything one <c>OrtApi::Run</c> call needs, prepared once: NUL-terminated UTF-8 names and OrtValue pointer arrays
/// in native memory. <see cref="Run"/> then costs no managed allocation. Not thread-safe (callers serialise runs).
/// </summary>
internal sealed unsafe class OrtRunBinding : IDisposable
{
    private readonly OrtSession _session;
    private readonly int _inputCount;
    private readonly int _outputCount;
    private nint* _inputNames;
    private nint* _inputValues;
    private nint* _outputNames;
    private nint* _outputValues;

    /// <param name="session">The session to run.</param>
    /// <param name="inputs">Input name and its (pre-allocated) value, for every model input.</param>
    /// <param name="outputs">Output name and a pre-allocated value of exactly the output's shape.</param>
    public OrtRunBinding(OrtSession session, IReadOnlyList<(string Name, nint Value)> inputs, IReadOnlyList<(string Name, nint Value)> outputs)
    {
        _session = session;
        _inputCount = inputs.Count;
        _outputCount = outputs.Count;
        _inputNames = AllocateNames(inputs);
        _inputValues = AllocateValues(inputs);
        _outputNames = AllocateNames(outputs);
        _outputValues = AllocateValues(outputs);
    }

    /// <summary>Runs the model; outputs land in the pre-allocated output tensors.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_inputNames is null, this);
        _session.Run(_inputNames, _inputValues, _inputCount, _outputNames, _outputValues, _outputCount);
    }

    public void Dispose()
    {
        if (_inputNames is null) return;
        FreeNames(_inputNames, _inputCount);
        FreeNames(_outputNames, _outputCount);
        NativeMemory.Free(_inputValues);
        NativeMemory.Free(_outputValues);
        _inputNames = _outputNames = _inputValues = _outputValues = null;
    }

    private static nint* AllocateNames(IReadOnlyList<(string Name, nint Value)> items)
    {
        var names = (nint*)NativeMemory.AllocZeroed((nuint)Math.Max(1, items.Count), (nuint)sizeof(nint));
        for (int i = 0; i < items.Count; i++)
        {
            byte[] utf8 = OrtApi.Utf8(items[i].Name);
            byte* copy = (byte*)NativeMemory.Alloc((nuint)utf8.Length);
            utf8.CopyTo(new Span<byte>(copy, utf8.Length));
            names[i] = (nint)copy;
        }

        return names;
    }

    private static nint* AllocateValues(IReadOnlyList<(string Name, nint Value)> items)
    {
        var values = (nint*)NativeMemory.AllocZeroed((nuint)Math.Max(1, items.Count), (nuint)sizeof(nint));
        for (int i = 0; i < items.Count; i++) values[i] = items[i].Value;
        return values;
    }

    private static void FreeNames(nint* names, int count)
    {
        for (int i = 0; i < count; i++) NativeMemory.Free((void*)names[i]);
        NativeMemory.Free(names);
    }
}
