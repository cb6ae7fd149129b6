using Microsoft.Extensions.Options;

namespace OrpheusLive.Onnx;

/// <summary>
/// Settings for the ONNX models (configuration section <c>Model</c>). Relative paths are looked up in the current
/// directory first, then next to the app.
/// </summary>
public sealed class OnnxOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Model";

    /// <summary>Emotion model file (ONNX, raw 16 kHz waveform in, one probability or logit per label out).</summary>
    public string Path { get; set; } = "models/orpheus-ser.onnx";

    /// <summary>Silero VAD v5 model file; the build copies it to models/silero_vad_v5.onnx next to the app.</summary>
    public string VadPath { get; set; } = "models/silero_vad_v5.onnx";

    /// <summary>
    /// Threads ONNX Runtime may use inside one operator (0 = one per core). Defaults to 1: a 3-second window every
    /// second leaves the CPU mostly idle, and audio capture must never be starved on small machines.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Threads for running independent graph branches in parallel (0 = ONNX Runtime's default).</summary>
    public int InterOpThreads { get; set; } = 1;

    /// <summary>Where the emotion model runs; the VAD always runs on the CPU (too small to gain from a GPU).</summary>
    public OnnxExecutionProvider ExecutionProvider { get; set; } = OnnxExecutionProvider.Auto;

    /// <summary>Silero speech probability at or above which a 32 ms chunk counts as speech (0..1, exclusive).</summary>
    public float SpeechThreshold { get; set; } = 0.5f;

    /// <summary>True when DirectML should be tried for the emotion model on this machine.</summary>
    public bool PrefersDirectML =>
        OperatingSystem.IsWindows() && ExecutionProvider is OnnxExecutionProvider.Auto or OnnxExecutionProvider.DirectML;

    /// <summary>Every problem with these settings, phrased for the user; empty when they are usable.</summary>
    public IReadOnlyList<string> GetValidationErrors() => GetValidationErrors(configuredExecutionProvider: null);

    /// <summary>As <see cref="GetValidationErrors()"/>, quoting the configuration's own text for a bad execution provider.</summary>
    internal IReadOnlyList<string> GetValidationErrors(string? configuredExecutionProvider)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
            errors.Add($"{SectionName}:Path is empty; set it to the emotion model file, e.g. models/orpheus-ser.onnx.");
        if (string.IsNullOrWhiteSpace(VadPath))
            errors.Add($"{SectionName}:VadPath is empty; set it to the Silero VAD model, e.g. models/silero_vad_v5.onnx.");
        if (IntraOpThreads is < 0 or > 64)
            errors.Add($"{SectionName}:IntraOpThreads is {IntraOpThreads}; use 0 (one per core) or 1..64.");
        if (InterOpThreads is < 0 or > 64)
            errors.Add($"{SectionName}:InterOpThreads is {InterOpThreads}; use 0 (default) or 1..64.");
        if (!Enum.IsDefined(ExecutionProvider))
        {
            string shown = configuredExecutionProvider ?? (ExecutionProvider == OnnxExecutionProviderConverter.Unrecognized ? "unknown" : ExecutionProvider.ToString());
            errors.Add($"{SectionName}:ExecutionProvider is '{shown}'; use auto (DirectML on Windows when it loads, else the CPU), cpu or directml.");
        }
        if (!(SpeechThreshold > 0f && SpeechThreshold < 1f))
            errors.Add($"{SectionName}:SpeechThreshold is {SpeechThreshold}; use a probability between 0 and 1, e.g. 0.5.");
        return errors;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, if there are any.</summary>
    public void Validate()
    {
        IReadOnlyList<string> errors = GetValidationErrors();
        if (errors.Count > 0) throw new OptionsValidationException(SectionName, typeof(OnnxOptions), errors);
    }
}
