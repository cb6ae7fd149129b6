using System.ComponentModel;

namespace OrpheusLive.Onnx;

/// <summary>
/// Where ONNX Runtime runs the emotion model (setting <c>Model:ExecutionProvider</c> = <c>auto</c>, <c>cpu</c> or
/// <c>directml</c>, case-insensitive). Configuration text that names no provider (<c>cuda</c>) binds to an undefined
/// value so options validation, not the binder, reports it, naming the setting and the valid values.
/// </summary>
[TypeConverter(typeof(OnnxExecutionProviderConverter))]
public enum OnnxExecutionProvider
{
    /// <summary>DirectML (GPU) on Windows when it loads, falling back to the CPU with one warning; the CPU elsewhere.</summary>
    Auto = 0,

    /// <summary>Always the CPU.</summary>
    Cpu = 1,

    /// <summary>DirectML (Windows only); falls back to the CPU with a logged warning when unavailable.</summary>
    DirectML = 2,
}
