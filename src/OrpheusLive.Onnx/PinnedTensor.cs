using Microsoft.ML.OnnxRuntime;

namespace OrpheusLive.Onnx;

/// <summary>
/// A fixed-shape tensor whose data lives in a managed array on the pinned object heap, wrapped once in an
/// <see cref="OrtValue"/> (<see cref="OrtValue.CreateTensorValueFromMemory{T}(OrtMemoryInfo, Memory{T}, long[])"/>).
/// Callers write inputs into / read outputs from <see cref="Span"/>; ONNX Runtime reads and writes the same memory,
/// so nothing is allocated or marshalled per run.
/// </summary>
/// <typeparam name="T">float or long.</typeparam>
internal sealed class PinnedTensor<T> : IDisposable where T : unmanaged
{
    private readonly T[] _data;

    public PinnedTensor(ReadOnlySpan<long> shape)
    {
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim <= 0) throw new ArgumentException($"Tensor dimensions must be positive, got {TensorDescription.DescribeShape(shape.ToArray())}.", nameof(shape));
            count = checked(count * dim);
        }

        Shape = shape.ToArray();
        // Pinned for the array's lifetime: the OrtValue keeps a raw pointer to it.
        _data = GC.AllocateArray<T>(checked((int)count), pinned: true);
        Value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _data.AsMemory(), Shape);
    }

    /// <summary>The tensor's shape.</summary>
    public long[] Shape { get; }

    /// <summary>The tensor's data (row-major).</summary>
    public Span<T> Span => _data;

    /// <summary>The OrtValue over <see cref="Span"/>; valid until <see cref="Dispose"/>.</summary>
    public OrtValue Value { get; }

    public void Dispose() => Value.Dispose();
}
