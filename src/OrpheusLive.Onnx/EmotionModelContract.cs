using System.Globalization;
using OrpheusLive.Core.Emotions;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace OrpheusLive.Onnx;

/// <summary>
/// The rules an emotion model must follow, checked against what the model itself declares (nothing is hard-coded but
/// the defaults): one float32 waveform input [1, N], [N] or [1, 1, N]; one float32 output [1, C] or [C];
/// metadata <c>labels</c> = C comma-separated names; <c>sample_rate</c> = 16000 if present; <c>window_samples</c> = N
/// when the input length is dynamic (default 48000).
/// </summary>
internal static class EmotionModelContract
{
    /// <summary>Sample rate every OrpheusLive model works at.</summary>
    public const int SampleRate = 16000;

    /// <summary>Window length used when the model's input length is dynamic and it has no window_samples metadata.</summary>
    public const int DefaultWindowSamples = 48000;

    // Names models commonly use for the canonical emotions; mapped so such a model works without re-export.
    private static readonly Dictionary<string, string> s_synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["neu"] = "neutral", ["happiness"] = "happy", ["joy"] = "happy", ["hap"] = "happy",
        ["sadness"] = "sad", ["anger"] = "angry", ["ang"] = "angry", ["fear"] = "fearful",
        ["disgusted"] = "disgust", ["surprise"] = "surprised", ["sur"] = "surprised",
    };

    /// <summary>Checks the model and returns how to run it, or throws a <see cref="ModelException"/> saying what is wrong.</summary>
    public static EmotionModelLayout Validate(
        string path,
        IReadOnlyList<TensorDescription> inputs,
        IReadOnlyList<TensorDescription> outputs,
        IReadOnlyDictionary<string, string> metadata)
    {
        string file = Path.GetFileName(path);
        var warnings = new List<string>();

        CheckSampleRate(path, metadata);
        (string inputName, long[] inputShape, int windowSamples) = ValidateInput(path, file, inputs, metadata);
        IReadOnlyList<string> labels = ReadLabels(path, metadata, warnings);
        (string outputName, long[] outputShape) = ValidateOutput(path, outputs, labels);

        return new EmotionModelLayout(inputName, inputShape, windowSamples, outputName, outputShape, labels, warnings);
    }

    private static void CheckSampleRate(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("sample_rate", out string? text)) return;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int rate) && rate == SampleRate) return;
        throw new ModelException(
            $"Emotion model '{path}' declares sample_rate={text}, but OrpheusLive feeds it {SampleRate} Hz audio. " +
            $"Hint: retrain or re-export the model for {SampleRate} Hz mono input.");
    }

    private static (string Name, long[] Shape, int WindowSamples) ValidateInput(
        string path, string file, IReadOnlyList<TensorDescription> inputs, IReadOnlyDictionary<string, string> metadata)
    {
        if (inputs.Count != 1)
        {
            throw new ModelException(
                $"Emotion model '{path}' has {inputs.Count} inputs ({DescribeAll(inputs)}); OrpheusLive needs exactly one: " +
                "the raw 16 kHz mono waveform as float32 [1, N]. Hint: export the model with the feature extraction inside the graph and a single waveform input.");
        }

        TensorDescription input = inputs[0];
        if (!input.IsTensor || input.ElementType != TensorElementType.Float)
        {
            throw new ModelException(
                $"Emotion model '{path}': input '{input.Name}' is {input.Describe()}, but OrpheusLive feeds float32 samples in -1..1. " +
                "Hint: export the model with a float32 waveform input.");
        }

        IReadOnlyList<long> dims = input.Dimensions;
        bool leadingAreOne = dims.Take(Math.Max(0, dims.Count - 1)).All(d => d is 1 or < 0);
        if (dims.Count is < 1 or > 3 || !leadingAreOne)
        {
            throw new ModelException(
                $"Emotion model '{path}': input '{input.Name}' has shape {TensorDescription.DescribeShape(dims)}, but OrpheusLive feeds one window " +
                $"of raw 16 kHz samples as [1, N], [N] or [1, 1, N] (N = {DefaultWindowSamples} for 3 s). " +
                "Hint: a spectrogram/feature input is not supported; move the feature extraction into the ONNX graph.");
        }

        long declared = dims[^1];
        int? fromMetadata = ReadWindowSamples(path, metadata);
        int windowSamples;
        if (declared > 0)
        {
            if (fromMetadata is { } m && m != declared)
            {
                throw new ModelException(
                    $"Emotion model '{path}': input '{input.Name}' takes {declared} samples but its window_samples metadata says {m}. " +
                    "Hint: fix the metadata when exporting the model.");
            }

            windowSamples = checked((int)declared);
        }
        else
        {
            windowSamples = fromMetadata ?? DefaultWindowSamples;
        }

        if (windowSamples < 512)
        {
            throw new ModelException(
                $"Emotion model '{path}': a window of {windowSamples} samples ({windowSamples * 1000 / SampleRate} ms) is too short to classify. " +
                $"Hint: the window is usually {DefaultWindowSamples} samples (3 s at 16 kHz).");
        }

        // Dynamic leading dimensions become 1: one window per run.
        long[] shape = dims.Select(d => d < 0 ? 1L : d).ToArray();
        shape[^1] = windowSamples;
        return (input.Name, shape, windowSamples);
    }

    private static int? ReadWindowSamples(string path, IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue("window_samples", out string? text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int samples) && samples > 0) return samples;
        throw new ModelException($"Emotion model '{path}': window_samples metadata '{text}' is not a positive whole number of samples.");
    }

    private static IReadOnlyList<string> ReadLabels(string path, IReadOnlyDictionary<string, string> metadata, List<string> warnings)
    {
        if (!metadata.TryGetValue("labels", out string? text) || string.IsNullOrWhiteSpace(text))
        {
            throw new ModelException(
                $"Emotion model '{path}' has no 'labels' metadata, so its outputs cannot be named. " +
                "Hint: add metadata_props labels=<comma-separated names in output order>, e.g. \"neutral,happy,sad,angry,fearful,surprised\" " +
                "(Python: onnx.helper.set_model_props(model, {\"labels\": \"...\"})).");
        }

        string[] raw = text.Split(',');
        var labels = new List<string>(raw.Length);
        var unknown = new List<string>();
        foreach (string part in raw)
        {
            string label = part.Trim().ToLowerInvariant();
            if (label.Length == 0)
            {
                throw new ModelException($"Emotion model '{path}': the labels metadata \"{text}\" has an empty name. Hint: list one name per output, separated by commas.");
            }

            if (s_synonyms.TryGetValue(label, out string? canonical))
            {
                warnings.Add($"label '{label}' is read as '{canonical}'");
                label = canonical;
            }

            if (labels.Contains(label))
            {
                throw new ModelException($"Emotion model '{path}': the labels metadata \"{text}\" names '{label}' twice. Hint: every output needs its own label.");
            }

            if (!EmotionLabels.IsCanonical(label)) unknown.Add(label);
            labels.Add(label);
        }

        if (unknown.Count == labels.Count)
        {
            throw new ModelException(
                $"Emotion model '{path}': none of its labels ({string.Join(", ", labels)}) is an emotion OrpheusLive knows " +
                $"({string.Join(", ", EmotionLabels.Canonical)}). Hint: set the labels metadata to these names, in output order.");
        }

        // Accepted: the other labels still drive the music; these ones simply never match a mood.
        if (unknown.Count > 0)
        {
            warnings.Add($"labels {string.Join(", ", unknown.Select(u => $"'{u}'"))} are not emotions OrpheusLive knows " +
                         $"({string.Join(", ", EmotionLabels.Canonical)}); they are scored but never pick music");
        }

        return labels;
    }

    private static (string Name, long[] Shape) ValidateOutput(string path, IReadOnlyList<TensorDescription> outputs, IReadOnlyList<string> labels)
    {
        if (outputs.Count != 1)
        {
            throw new ModelException(
                $"Emotion model '{path}' has {outputs.Count} outputs ({DescribeAll(outputs)}); OrpheusLive needs exactly one float32 [1, C] " +
                "with one probability (or logit) per label. Hint: export only the classification head's output.");
        }

        TensorDescription output = outputs[0];
        IReadOnlyList<long> dims = output.Dimensions;
        bool shapeOk = output.IsTensor && output.ElementType == TensorElementType.Float
                       && (dims.Count == 1 || (dims.Count == 2 && dims[0] is 1 or < 0));
        if (!shapeOk)
        {
            throw new ModelException(
                $"Emotion model '{path}': output '{output.Name}' is {output.Describe()}; OrpheusLive needs float32 [1, C] (one score per label). " +
                "Hint: export the classifier's final scores for a single window.");
        }

        long classes = dims[^1];
        if (classes > 0 && classes != labels.Count)
        {
            throw new ModelException(
                $"Emotion model '{path}': output '{output.Name}' has {classes} scores but the labels metadata names {labels.Count} ({string.Join(", ", labels)}). " +
                "Hint: the labels metadata must list exactly one name per output, in output order.");
        }

        long[] shape = dims.Select(d => d < 0 ? 1L : d).ToArray();
        shape[^1] = labels.Count;
        return (output.Name, shape);
    }

    private static string DescribeAll(IReadOnlyList<TensorDescription> items) =>
        items.Count == 0 ? "none" : string.Join("; ", items.Select(i => $"'{i.Name}' {i.Describe()}"));
}
