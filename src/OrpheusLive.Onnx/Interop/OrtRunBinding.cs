namespace OrpheusLive.Onnx.Interop;

/// <summary>
/// Everything one <c>OrtApi::Run</c> call needs, laid out once in a single native block: the input/output name pointer
/// arrays, the OrtValue pointer arrays and the NUL-terminated UTF-8 names they point to. <see cref="Run"/> then costs
/// no managed allocation. Not thread-safe (owners serialise runs).
/// </summary>
internal sealed unsafe class OrtRunBinding : IDisposable
{
    private readonly OrtSession _session;
    private readonly NativeMemoryHandle _block;
    private readonly int _inputCount;
    private readonly int _outputCount;
    private readonly nint* _inputNames;
    private readonly nint* _inputValues;
    private readonly nint* _outputNames;
    private readonly nint* _outputValues;

    /// <param name="session">The session to run.</param>
    /// <param name="inputs">Name and (pre-allocated) OrtValue for every model input.</param>
    /// <param name="outputs">Name and a pre-allocated OrtValue of exactly the output's shape, for each wanted output.</param>
    public OrtRunBinding(OrtSession session, IReadOnlyList<(string Name, nint Value)> inputs, IReadOnlyList<(string Name, nint Value)> outputs)
    {
        _session = session;
        _inputCount = inputs.Count;
        _outputCount = outputs.Count;

        byte[][] names = [.. inputs.Concat(outputs).Select(item => OrtApi.Utf8(item.Name))];
        int pointerCount = 2 * (_inputCount + _outputCount);
        long nameBytes = names.Sum(n => (long)n.Length);
        _block = new NativeMemoryHandle((nuint)(pointerCount * sizeof(nint) + nameBytes));

        var pointers = (nint*)_block.Pointer;
        _inputNames = pointers;
        _inputValues = pointers + _inputCount;
        _outputNames = pointers + 2 * _inputCount;
        _outputValues = pointers + 2 * _inputCount + _outputCount;

        byte* text = _block.Pointer + pointerCount * sizeof(nint);
        for (int i = 0; i < names.Length; i++)
        {
            names[i].CopyTo(new Span<byte>(text, names[i].Length));
            if (i < _inputCount) _inputNames[i] = (nint)text;
            else _outputNames[i - _inputCount] = (nint)text;
            text += names[i].Length;
        }

        for (int i = 0; i < _inputCount; i++) _inputValues[i] = inputs[i].Value;
        for (int i = 0; i < _outputCount; i++) _outputValues[i] = outputs[i].Value;
    }

    /// <summary>Runs the model; outputs land in the pre-allocated output tensors.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_block.IsClosed, this);
        _session.Run(_inputNames, _inputValues, _inputCount, _outputNames, _outputValues, _outputCount);
    }

    public void Dispose() => _block.Dispose();
}
