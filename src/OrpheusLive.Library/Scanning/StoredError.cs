namespace OrpheusLive.Library.Scanning;

/// <summary>
/// A failed track's error is stored once per content (hash), worded for the file that was decoded first: a copy or a
/// rename of it shares the record, so the stored sentence names the other file. This rewords it for the path a result
/// is about, so every scan result names its own file.
/// </summary>
internal static class StoredError
{
    /// <summary>
    /// <paramref name="error"/> with the other paths of the same content (<paramref name="knownPaths"/>), as full paths or
    /// quoted file names, replaced by <paramref name="path"/>; failing that, the quoted file name decoder errors start with.
    /// </summary>
    public static string? For(string? error, string path, IEnumerable<string> knownPaths)
    {
        if (string.IsNullOrEmpty(error)) return error;
        var name = Path.GetFileName(path);
        foreach (var other in knownPaths.Where(p => p != path).OrderByDescending(p => p.Length))
        {
            var reworded = error.Replace($"'{other}'", $"'{path}'", StringComparison.Ordinal);
            var otherName = Path.GetFileName(other);
            if (otherName != name) reworded = reworded.Replace($"'{otherName}'", $"'{name}'", StringComparison.Ordinal);
            if (reworded != error) return reworded;
        }
        return error.Contains($"'{name}'", StringComparison.Ordinal) || error.Contains($"'{path}'", StringComparison.Ordinal) ? error : RewordLeadingName(error, name);
    }

    // Decoder and analyser errors start with the quoted file name: "'a.ogg' is too short …". A renamed file's old path
    // is forgotten before its result is reported, so its old name is found there. The quote that closes it is followed
    // by a space, a colon or a comma, and what it closes ends in an extension (a name may itself hold quotes).
    private static string RewordLeadingName(string error, string name)
    {
        if (!error.StartsWith('\'')) return error;
        for (var end = error.IndexOf('\'', 1); end > 1 && end + 1 < error.Length; end = error.IndexOf('\'', end + 1))
        {
            if (error[end + 1] is not (' ' or ':' or ',')) continue;
            var quoted = error[1..end];
            if (Path.GetExtension(quoted).Length < 2) continue;
            return quoted.Contains('/') ? error : $"'{name}'{error[(end + 1)..]}";
        }
        return error;
    }
}
