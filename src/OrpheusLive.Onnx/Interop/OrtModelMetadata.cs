namespace OrpheusLive.Onnx.Interop;

/// <summary>What an ONNX model file says about itself (ModelProto fields + metadata_props).</summary>
/// <param name="ProducerName">producer_name.</param>
/// <param name="GraphName">graph.name.</param>
/// <param name="Domain">domain.</param>
/// <param name="Description">doc_string.</param>
/// <param name="Version">model_version (0 when unset).</param>
/// <param name="Custom">metadata_props as key/value pairs.</param>
internal sealed record OrtModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long Version,
    IReadOnlyDictionary<string, string> Custom);
