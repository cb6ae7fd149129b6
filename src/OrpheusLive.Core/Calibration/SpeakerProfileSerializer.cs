using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// Writes and reads a <see cref="SpeakerProfile"/> as JSON (no I/O: the profile store does the atomic file work):
/// <code>
/// { "version": 1, "model": "orpheus-ser 1.2.0", "labels": ["neutral", …], "weight": 37.5,
///   "mean_log_probabilities": [ … ], "mean_posterior": [ … ], "mean_entropy": 0.81, "class_bias": [ … ], "enrolled_clips": 6 }
/// </code>
/// </summary>
public static class SpeakerProfileSerializer
{
    /// <summary>The profile as indented JSON.</summary>
    public static string Serialize(SpeakerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", profile.Version);
            json.WriteString("model", profile.Model);
            json.WriteStartArray("labels");
            foreach (var label in profile.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteNumber("weight", profile.Weight);
            WriteArray(json, "mean_log_probabilities", profile.MeanLogProbabilities);
            WriteArray(json, "mean_posterior", profile.MeanPosterior);
            json.WriteNumber("mean_entropy", profile.MeanEntropy);
            WriteArray(json, "class_bias", profile.ClassBias);
            json.WriteNumber("enrolled_clips", profile.EnrolledClips);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Parses a profile. It is not checked against a model here: call <see cref="SpeakerProfile.Validate"/> next.
    /// <paramref name="source"/> names the file in error messages.
    /// </summary>
    /// <exception cref="CalibrationProfileException">The text is not a profile; the message names the source and the field.</exception>
    public static SpeakerProfile Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CalibrationProfileException($"{source}: not valid JSON (line {e.LineNumber + 1})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CalibrationProfileException($"{source}: expected a JSON object (a speaker profile)");
            }

            return new SpeakerProfile(
                Int(root, "version", source),
                String(root, "model", source),
                [.. Array(root, "labels", source).Select(e => e.ValueKind == JsonValueKind.String
                    ? e.GetString()!
                    : throw new CalibrationProfileException($"{source}: labels must be strings"))],
                Number(root, "weight", source),
                Numbers(root, "mean_log_probabilities", source),
                Numbers(root, "mean_posterior", source),
                Number(root, "mean_entropy", source),
                Numbers(root, "class_bias", source),
                Int(root, "enrolled_clips", source));
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string name, ImmutableArray<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static JsonElement Field(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) ? value : throw new CalibrationProfileException($"{source}: \"{name}\" is missing");

    private static double Number(JsonElement root, string name, string source)
    {
        var e = Field(root, name, source);
        return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v)
            ? v
            : throw new CalibrationProfileException($"{source}: \"{name}\" must be a number");
    }

    private static int Int(JsonElement root, string name, string source)
    {
        var e = Field(root, name, source);
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v)
            ? v
            : throw new CalibrationProfileException($"{source}: \"{name}\" must be a whole number");
    }

    private static string String(JsonElement root, string name, string source)
    {
        var e = Field(root, name, source);
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new CalibrationProfileException($"{source}: \"{name}\" must be a string");
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement root, string name, string source)
    {
        var e = Field(root, name, source);
        return e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new CalibrationProfileException($"{source}: \"{name}\" must be an array");
    }

    private static ImmutableArray<double> Numbers(JsonElement root, string name, string source) =>
        [.. Array(root, name, source).Select(e => e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v)
            ? v
            : throw new CalibrationProfileException($"{source}: \"{name}\" must hold numbers only"))];
}
