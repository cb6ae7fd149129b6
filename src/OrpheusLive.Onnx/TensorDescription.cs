using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrpheusLive.Onnx;

/// <summary>One model input or output as the model declares it. A dimension of -1 is dynamic (symbolic).</summary>
/// <param name="Name">Input/output name.</param>
/// <param name="IsTensor">False for sequences, maps and other non-tensor values.</param>
/// <param name="ElementType">Tensor element type (<see cref="TensorElementType.DataTypeMax"/> when not a tensor).</param>
/// <param name="Dimensions">Declared shape; -1 marks a dynamic dimension.</param>
internal sealed record TensorDescription(string Name, bool IsTensor, TensorElementType ElementType, IReadOnlyList<long> Dimensions)
{
    /// <summary>The session's inputs or outputs, in declaration order.</summary>
    public static IReadOnlyList<TensorDescription> From(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. names.Select(name => From(name, metadata[name]))];

    private static TensorDescription From(string name, NodeMetadata node) =>
        node.IsTensor
            ? new TensorDescription(name, true, node.ElementDataType, [.. node.Dimensions.Select(d => (long)d)])
            : new TensorDescription(name, false, TensorElementType.DataTypeMax, []);

    /// <summary>"float32 [1, 48000]"-style text for messages.</summary>
    public string Describe() =>
        IsTensor ? $"{DescribeType(ElementType)} {DescribeShape(Dimensions)}" : "a non-tensor value";

    /// <summary>"[1, N, 48000]" where dynamic dimensions show as "?".</summary>
    public static string DescribeShape(IReadOnlyList<long> dims) =>
        "[" + string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>ONNX-style type name ("float32", "int64").</summary>
    public static string DescribeType(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Double => "float64",
        TensorElementType.Float16 => "float16",
        _ => type.ToString().ToLowerInvariant(),
    };
}
