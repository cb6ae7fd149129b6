namespace OrpheusLive.Onnx.Interop;

/// <summary>
/// A fixed-shape tensor whose data lives in a managed array on the pinned object heap, wrapped once in an OrtValue.
/// Callers write inputs into / read outputs from <see cref="Span"/>; ONNX Runtime reads and writes the same memory,
/// so nothing is allocated or marshalled per run.
/// </summary>
/// <typeparam name="T">float or long.</typeparam>
internal sealed unsafe class OrtTensor<T> : IDisposable where T : unmanaged
{
    private readonly T[] _data;
    private readonly OrtValueHandle _value;

    public OrtTensor(OrtApi api, ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim <= 0) throw new ArgumentException($"Tensor dimensions must be positive, got {OrtTensorDescription.DescribeShape(shape.ToArray())}.", nameof(shape));
            count = checked(count * dim);
        }

        Shape = shape.ToArray();
        // Pinned for the array's lifetime: the OrtValue keeps a raw pointer to it.
        _data = GC.AllocateArray<T>(checked((int)count), pinned: true);
        fixed (T* data = _data)
        {
            _value = new OrtValueHandle(api.CreateTensorWithData(data, (nuint)(_data.Length * sizeof(T)), shape, ElementTypeOf()));
        }
    }

    /// <summary>The tensor's shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The tensor's data (row-major).</summary>
    public Span<T> Span => _data;

    /// <summary>The raw OrtValue pointer to hand to Run; valid until <see cref="Dispose"/>.</summary>
    public nint Value => _value.DangerousGetHandle();

    public void Dispose() => _value.Dispose();

    private static OrtElementType ElementTypeOf() =>
        typeof(T) == typeof(float) ? OrtElementType.Float
        : typeof(T) == typeof(long) ? OrtElementType.Int64
        : typeof(T) == typeof(double) ? OrtElementType.Double
        : typeof(T) == typeof(int) ? OrtElementType.Int32
        : throw new NotSupportedException($"No ONNX element type for {typeof(T).Name}.");
}
