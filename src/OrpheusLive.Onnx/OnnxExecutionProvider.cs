namespace OrpheusLive.Onnx;

/// <summary>Where ONNX Runtime runs the emotion model.</summary>
public enum OnnxExecutionProvider
{
    /// <summary>DirectML (GPU) on Windows, falling back to the CPU if it fails; the CPU elsewhere.</summary>
    Auto = 0,

    /// <summary>Always the CPU.</summary>
    Cpu = 1,

    /// <summary>DirectML (Windows only); falls back to the CPU with a logged warning when unavailable.</summary>
    DirectML = 2,
}
