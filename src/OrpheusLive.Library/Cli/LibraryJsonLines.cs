using System.Buffers;
using System.Text;
using System.Text.Json;
using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Cli;

/// <summary>
/// The JSON lines of the <c>library</c> commands, in the shapes issue #11 names: a scan prints one
/// <c>{"type":"track",…}</c> per file and a final <c>{"type":"summary",…}</c>; a list prints one object per track.
/// Every key is always present (null when unknown), numbers are rounded for reading, snake_case names.
/// </summary>
public static class LibraryJsonLines
{
    /// <summary><c>{"type":"track","path","status","error","duration_s","tempo_bpm","valence","arousal","mood"}</c> (+ error_kind, id).</summary>
    public static string Track(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Write(w =>
        {
            w.WriteString("type", "track");
            w.WriteString("path", result.Path);
            w.WriteString("status", result.Status.ToString().ToLowerInvariant());
            w.WriteString("error", result.Error);
            w.WriteString("error_kind", result.ErrorKind);
            Number(w, "id", result.TrackId);
            Number(w, "duration_s", result.DurationSeconds, 3);
            Number(w, "tempo_bpm", result.TempoBpm, 2);
            Number(w, "valence", result.Valence, 4);
            Number(w, "arousal", result.Arousal, 4);
            w.WriteString("mood", result.Mood);
        });
    }

    /// <summary><c>{"type":"summary","analysed","cached","failed","seconds","audio_seconds"}</c> (+ cancelled, files, speed, clusters, unreadable).</summary>
    public static string Summary(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Write(w =>
        {
            w.WriteString("type", "summary");
            w.WriteNumber("analysed", summary.Analysed);
            w.WriteNumber("cached", summary.Cached);
            w.WriteNumber("failed", summary.Failed);
            w.WriteNumber("seconds", Math.Round(summary.Seconds, 3));
            w.WriteNumber("audio_seconds", Math.Round(summary.AudioSeconds, 3));
            w.WriteNumber("files", summary.FilesFound);
            Number(w, "speed_x", summary.Seconds > 0 ? summary.AudioSeconds / summary.Seconds : null, 1);
            w.WriteBoolean("cancelled", summary.Cancelled);
            Number(w, "clusters", summary.Clustering?.K);
            w.WriteStartArray("unreadable");
            foreach (var line in summary.UnreadableFolders) w.WriteStringValue(line);
            w.WriteEndArray();
        });
    }

    /// <summary>One track of <c>library list --json</c>: id, path (the first of paths), paths, status, error, duration_s, tempo_bpm, valence, arousal, mood, cluster.</summary>
    public static string Listed(TrackRecord track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return Write(w =>
        {
            w.WriteNumber("id", track.Id);
            w.WriteString("path", track.Paths.FirstOrDefault());
            w.WriteStartArray("paths");
            foreach (var p in track.Paths) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteString("status", track.Status.ToString().ToLowerInvariant());
            w.WriteString("error", track.Error);
            Number(w, "duration_s", track.DurationSeconds, 3);
            Number(w, "tempo_bpm", track.TempoBpm, 2);
            Number(w, "valence", track.Valence, 4);
            Number(w, "arousal", track.Arousal, 4);
            w.WriteString("mood", track.Mood);
            Number(w, "cluster", track.Cluster);
        });
    }

    private static void Number(Utf8JsonWriter w, string name, double? value, int digits)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, digits));
        else w.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
