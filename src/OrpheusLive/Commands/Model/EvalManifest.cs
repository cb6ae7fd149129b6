namespace OrpheusLive.Commands.Model;

/// <summary>One clip of an evaluation manifest.</summary>
/// <param name="Path">Absolute path of the WAV file.</param>
/// <param name="Label">The true label, lower-case.</param>
/// <param name="Reference">Absolute path of the WAV of what the app itself was playing while the clip was recorded
/// (its first sample played when the clip's first sample was recorded), or null.</param>
public sealed record EvalClip(string Path, string Label, string? Reference = null)
{
    /// <summary>The speaker (manifest column <c>speaker</c>), or null when the manifest has none.</summary>
    public string? Speaker { get; init; }
}

/// <summary>
/// Reads an evaluation manifest: a CSV with a header holding at least <c>path</c> and <c>label</c>, optionally
/// <c>reference</c> (an empty field: no reference for that clip).
/// </summary>
public static class EvalManifest
{
    /// <summary>Reads <paramref name="manifestPath"/>; clip paths are relative to its folder.</summary>
    /// <param name="manifestPath">The CSV file.</param>
    /// <param name="requireSpeaker">Every clip must name its speaker (column <c>speaker</c>; <c>eval --session</c>).</param>
    /// <exception cref="InvalidDataException">The file is not a usable manifest; the message says why.</exception>
    public static IReadOnlyList<EvalClip> Read(string manifestPath, bool requireSpeaker = false)
    {
        var lines = File.ReadAllLines(manifestPath);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{manifestPath}: the manifest is empty");
        }

        var header = SplitCsv(lines[0]).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var pathColumn = header.IndexOf("path");
        var labelColumn = header.IndexOf("label");
        var speakerColumn = header.IndexOf("speaker");
        if (requireSpeaker && speakerColumn < 0)
        {
            throw new InvalidDataException($"{manifestPath}: --session needs a 'speaker' column (found: {string.Join(", ", header)})");
        }

        var referenceColumn = header.IndexOf("reference");
        if (pathColumn < 0 || labelColumn < 0)
        {
            throw new InvalidDataException($"{manifestPath}: the header needs 'path' and 'label' columns (found: {string.Join(", ", header)})");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        var clips = new List<EvalClip>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitCsv(lines[i]);
            if (fields.Count <= Math.Max(pathColumn, labelColumn))
            {
                throw new InvalidDataException($"{manifestPath}: line {i + 1} has {fields.Count} fields, expected {header.Count}");
            }

            var speaker = speakerColumn >= 0 && speakerColumn < fields.Count ? fields[speakerColumn].Trim() : "";
            if (requireSpeaker && speaker.Length == 0)
            {
                throw new InvalidDataException($"{manifestPath}: line {i + 1} names no speaker (--session needs one per clip)");
            }

            var reference = referenceColumn >= 0 && referenceColumn < fields.Count && !string.IsNullOrWhiteSpace(fields[referenceColumn])
                ? Path.GetFullPath(Path.Combine(folder, fields[referenceColumn].Trim()))
                : null;
            clips.Add(new EvalClip(Path.GetFullPath(Path.Combine(folder, fields[pathColumn].Trim())), fields[labelColumn].Trim().ToLowerInvariant(), reference)
            {
                Speaker = speaker.Length == 0 ? null : speaker,
            });
        }

        return clips;
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting).</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
