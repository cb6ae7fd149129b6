namespace OrpheusLive.Core.Emotions;

/// <summary>What an emotion model declares about itself (from its metadata).</summary>
/// <param name="Path">The model file.</param>
/// <param name="Name">Model name from metadata, or the file name.</param>
/// <param name="Version">Model version from metadata, or "unknown".</param>
/// <param name="Runtime">The runtime and execution provider ("ONNX Runtime 1.30.0 (CPU)").</param>
/// <param name="Metadata">All metadata key/value pairs.</param>
public sealed record ModelInfo(
    string Path,
    string Name,
    string Version,
    string Runtime,
    IReadOnlyDictionary<string, string> Metadata);
