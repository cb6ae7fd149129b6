using System.Text;
using System.Text.Json;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Core.Moods;

/// <summary>
/// Reads and writes the mapping file and validates it. The format:
/// <code>
/// { "emotions": { "happy": "upbeat", … },
///   "moods": { "upbeat": { "targets": ["spotify:playlist:…", "samples/music/upbeat"], "shuffle": true }, … } }
/// </code>
/// </summary>
public static class MoodMapSerializer
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses and validates a mapping. <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="MoodMapException">The JSON is malformed or an entry is invalid; the message names it.</exception>
    public static MoodMap Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new MoodMapException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split(" Path:")[0]}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MoodMapException($"{source}: expected a JSON object with \"emotions\" and \"moods\"");
            }

            var emotions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in Section(root, "emotions", source).EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(entry.Value.GetString()))
                {
                    throw new MoodMapException($"{source}: emotions.{entry.Name} must be a mood name (a string)");
                }

                emotions[entry.Name.Trim().ToLowerInvariant()] = entry.Value.GetString()!.Trim().ToLowerInvariant();
            }

            var moods = new Dictionary<string, MoodTargets>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in Section(root, "moods", source).EnumerateObject())
            {
                moods[entry.Name.Trim().ToLowerInvariant()] = ParseMood(entry, source);
            }

            var map = new MoodMap(emotions, moods);
            Validate(map, source, requireLocalExists: false);
            return map;
        }
    }

    /// <summary>Checks that every emotion is canonical and maps to a mood with at least one valid target.</summary>
    /// <exception cref="MoodMapException">The first problem found, naming the entry.</exception>
    public static void Validate(MoodMap map, string source, bool requireLocalExists)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Emotions.Count == 0)
        {
            throw new MoodMapException($"{source}: \"emotions\" is empty; map at least one emotion to a mood");
        }

        foreach (var (emotion, mood) in map.Emotions)
        {
            if (!EmotionLabels.IsCanonical(emotion))
            {
                throw new MoodMapException(
                    $"{source}: unknown emotion '{emotion}' (known: {string.Join(", ", EmotionLabels.Canonical)})");
            }

            if (!map.Moods.ContainsKey(mood))
            {
                throw new MoodMapException($"{source}: emotion '{emotion}' maps to mood '{mood}', which is not defined under \"moods\"");
            }
        }

        foreach (var (mood, targets) in map.Moods)
        {
            if (targets.Targets.Count == 0)
            {
                throw new MoodMapException($"{source}: mood '{mood}' has no targets; add a Spotify URI or a local folder");
            }

            for (var i = 0; i < targets.Targets.Count; i++)
            {
                if (PlaylistTarget.Normalize(targets.Targets[i], requireLocalExists, out var error) is null)
                {
                    throw new MoodMapException($"{source}: mood '{mood}' target {i + 1}: {error}");
                }
            }
        }
    }

    /// <summary>Writes <paramref name="map"/> as indented JSON (UTF-8, no BOM), emotions and moods in a stable order.</summary>
    public static byte[] Serialize(MoodMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("emotions");
            foreach (var emotion in OrderEmotions(map.Emotions.Keys))
            {
                writer.WriteString(emotion, map.Emotions[emotion]);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("moods");
            foreach (var mood in map.Moods.Keys.Order(StringComparer.Ordinal))
            {
                var targets = map.Moods[mood];
                writer.WriteStartObject(mood);
                writer.WriteStartArray("targets");
                foreach (var target in targets.Targets)
                {
                    writer.WriteStringValue(target);
                }

                writer.WriteEndArray();
                writer.WriteBoolean("shuffle", targets.Shuffle);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    /// <summary>The JSON text of <paramref name="map"/>.</summary>
    public static string ToJson(MoodMap map) => Encoding.UTF8.GetString(Serialize(map));

    private static IEnumerable<string> OrderEmotions(IEnumerable<string> emotions) =>
        emotions.OrderBy(e =>
        {
            var i = EmotionLabels.Canonical.ToList().FindIndex(c => string.Equals(c, e, StringComparison.OrdinalIgnoreCase));
            return i < 0 ? int.MaxValue : i;
        }).ThenBy(e => e, StringComparer.Ordinal);

    private static JsonElement Section(JsonElement root, string name, string source)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Object
                    ? property.Value
                    : throw new MoodMapException($"{source}: \"{name}\" must be an object");
            }
        }

        throw new MoodMapException($"{source}: missing \"{name}\"");
    }

    private static MoodTargets ParseMood(JsonProperty entry, string source)
    {
        var value = entry.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new MoodTargets([value.GetString()!]);
            case JsonValueKind.Array:
                return new MoodTargets(ReadTargets(value, entry.Name, source));
            case JsonValueKind.Object:
                var shuffle = true;
                IReadOnlyList<string>? targets = null;
                foreach (var p in value.EnumerateObject())
                {
                    if (string.Equals(p.Name, "targets", StringComparison.OrdinalIgnoreCase))
                    {
                        targets = p.Value.ValueKind == JsonValueKind.Array
                            ? ReadTargets(p.Value, entry.Name, source)
                            : throw new MoodMapException($"{source}: moods.{entry.Name}.targets must be an array of strings");
                    }
                    else if (string.Equals(p.Name, "shuffle", StringComparison.OrdinalIgnoreCase))
                    {
                        shuffle = p.Value.ValueKind switch
                        {
                            JsonValueKind.True => true,
                            JsonValueKind.False => false,
                            _ => throw new MoodMapException($"{source}: moods.{entry.Name}.shuffle must be true or false"),
                        };
                    }
                }

                return new MoodTargets(targets ?? throw new MoodMapException($"{source}: moods.{entry.Name} has no \"targets\""), shuffle);
            default:
                throw new MoodMapException($"{source}: moods.{entry.Name} must be an object with \"targets\"");
        }
    }

    private static List<string> ReadTargets(JsonElement array, string mood, string source)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new MoodMapException($"{source}: moods.{mood}.targets must contain only strings");
            }

            var normalized = PlaylistTarget.Normalize(item.GetString(), requireLocalExists: false, out var error)
                ?? throw new MoodMapException($"{source}: mood '{mood}' target {list.Count + 1}: {error}");
            list.Add(normalized);
        }

        return list;
    }
}
