namespace OrpheusLive.Onnx.Interop;

/// <summary>One model input or output as the model declares it. A dimension of -1 is dynamic (symbolic).</summary>
/// <param name="Name">Input/output name.</param>
/// <param name="IsTensor">False for sequences, maps and other non-tensor values.</param>
/// <param name="ElementType">Tensor element type (Undefined when not a tensor).</param>
/// <param name="Dimensions">Declared shape; -1 marks a dynamic dimension.</param>
internal sealed record OrtTensorDescription(string Name, bool IsTensor, OrtElementType ElementType, IReadOnlyList<long> Dimensions)
{
    /// <summary>"float32 [1, 48000]"-style text for messages.</summary>
    public string Describe() =>
        IsTensor ? $"{DescribeType(ElementType)} {DescribeShape(Dimensions)}" : "a non-tensor value";

    /// <summary>"[1, N, 48000]" where dynamic dimensions show as "?".</summary>
    public static string DescribeShape(IReadOnlyList<long> dims) =>
        "[" + string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    /// <summary>ONNX-style type name ("float32", "int64").</summary>
    public static string DescribeType(OrtElementType type) => type switch
    {
        OrtElementType.Float => "float32",
        OrtElementType.Double => "float64",
        OrtElementType.Float16 => "float16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
