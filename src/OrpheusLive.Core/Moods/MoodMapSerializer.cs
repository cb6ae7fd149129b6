using System.Text;
using System.Text.Json;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Core.Moods;

/// <summary>
/// Reads and writes the mapping file and validates it (pure: text in, text out; the file store is an adapter). Targets
/// are checked and normalised by the players' rules (<see cref="MoodTargetRules"/>). The format:
/// <code>
/// { "emotions": { "happy": "upbeat", … },
///   "moods": { "upbeat": { "targets": ["spotify:playlist:…", "samples/music/upbeat"], "shuffle": true }, … } }
/// A mood may add <c>"policy": "match"|"lift"</c> (optional; files without it read as before, see <see cref="MoodMap.PolicyFor"/>).
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
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file, for messages.</param>
    /// <param name="targets">What the installed players accept as targets.</param>
    /// <exception cref="MoodMapException">The JSON is malformed or an entry is invalid; the message names it.</exception>
    public static MoodMap Parse(string json, string source, MoodTargetRules targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
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
                moods[entry.Name.Trim().ToLowerInvariant()] = ParseMood(entry, source, targets);
            }

            var map = new MoodMap(emotions, moods);
            Validate(map, source, targets, mustExist: false);
            return map;
        }
    }

    /// <summary>Checks that every emotion is canonical and maps to a mood with at least one valid target.</summary>
    /// <param name="map">The mapping.</param>
    /// <param name="source">The file or "mapping", for messages.</param>
    /// <param name="targets">What the installed players accept as targets.</param>
    /// <param name="mustExist">Also require local folders to exist.</param>
    /// <exception cref="MoodMapException">The first problem found, naming the entry.</exception>
    public static void Validate(MoodMap map, string source, MoodTargetRules targets, bool mustExist)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(targets);
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

        foreach (var (mood, moodTargets) in map.Moods)
        {
            if (moodTargets.Targets.Count == 0)
            {
                throw new MoodMapException($"{source}: mood '{mood}' has no targets; add {targets.Accepted}");
            }

            for (var i = 0; i < moodTargets.Targets.Count; i++)
            {
                if (targets.Normalize(moodTargets.Targets[i], mustExist, out var error) is null)
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
                if (targets.Policy is { } policy)
                {
                    writer.WriteString("policy", policy.ToString().ToLowerInvariant());
                }

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

    private static MoodTargets ParseMood(JsonProperty entry, string source, MoodTargetRules rules)
    {
        var value = entry.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new MoodTargets([Normalize(value.GetString(), entry.Name, 0, source, rules)]);
            case JsonValueKind.Array:
                return new MoodTargets(ReadTargets(value, entry.Name, source, rules));
            case JsonValueKind.Object:
                var shuffle = true;
                MoodPolicy? policy = null;
                IReadOnlyList<string>? targets = null;
                foreach (var p in value.EnumerateObject())
                {
                    if (string.Equals(p.Name, "targets", StringComparison.OrdinalIgnoreCase))
                    {
                        targets = p.Value.ValueKind == JsonValueKind.Array
                            ? ReadTargets(p.Value, entry.Name, source, rules)
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
                    else if (string.Equals(p.Name, "policy", StringComparison.OrdinalIgnoreCase))
                    {
                        policy = (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()!.Trim().ToLowerInvariant() : null) switch
                        {
                            "match" => MoodPolicy.Match,
                            "lift" => MoodPolicy.Lift,
                            _ => throw new MoodMapException($"{source}: moods.{entry.Name}.policy must be \"match\" or \"lift\" (got {p.Value.GetRawText()})"),
                        };
                    }
                }

                return new MoodTargets(targets ?? throw new MoodMapException($"{source}: moods.{entry.Name} has no \"targets\""), shuffle, policy);
            default:
                throw new MoodMapException($"{source}: moods.{entry.Name} must be an object with \"targets\"");
        }
    }

    private static List<string> ReadTargets(JsonElement array, string mood, string source, MoodTargetRules rules)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new MoodMapException($"{source}: moods.{mood}.targets must contain only strings");
            }

            list.Add(Normalize(item.GetString(), mood, list.Count, source, rules));
        }

        return list;
    }

    private static string Normalize(string? target, string mood, int index, string source, MoodTargetRules rules) =>
        rules.Normalize(target, mustExist: false, out var error)
        ?? throw new MoodMapException($"{source}: mood '{mood}' target {index + 1}: {error}");
}
