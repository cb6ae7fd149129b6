namespace OrpheusLive.Onnx;

/// <summary>How to feed and read an emotion model, worked out from what the model declares.</summary>
/// <param name="InputName">The waveform input's name.</param>
/// <param name="InputShape">Concrete input shape ([1, N], [N] or [1, 1, N]).</param>
/// <param name="WindowSamples">N: samples per window.</param>
/// <param name="OutputName">The score output's name.</param>
/// <param name="OutputShape">Concrete output shape ([1, C] or [C]).</param>
/// <param name="Labels">C canonical label names in output order.</param>
/// <param name="Warnings">Things worth logging that do not stop the model from being used.</param>
internal sealed record EmotionModelLayout(
    string InputName,
    long[] InputShape,
    int WindowSamples,
    string OutputName,
    long[] OutputShape,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Warnings);
