using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrpheusLive.Commands.Soak;

/// <summary>What a soak run measured.</summary>
public sealed record SoakReport(
    int AudioMinutes,
    long Windows,
    long ExpectedWindows,
    int Decisions,
    int Errors,
    int UnobservedExceptions,
    double WallSeconds,
    ResourceSample Start,
    ResourceSample End)
{
    private const double Mb = 1024 * 1024;

    /// <summary>Windows the pipeline should have produced but did not.</summary>
    public long DroppedWindows => Math.Max(0, ExpectedWindows - Windows);

    /// <summary>Readable report.</summary>
    public string ToText()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"audio:     {AudioMinutes} min in {WallSeconds:F1} s ({AudioMinutes * 60 / WallSeconds:F0}× real time)");
        text.AppendLine(inv, $"windows:   {Windows} of {ExpectedWindows} expected (dropped {DroppedWindows}); decisions {Decisions}; errors {Errors}; unobserved exceptions {UnobservedExceptions}");
        text.AppendLine(inv, $"managed:   {Start.ManagedBytes / Mb,8:F1} MB → {End.ManagedBytes / Mb,8:F1} MB");
        text.AppendLine(inv, $"RSS:       {Start.RssBytes / Mb,8:F1} MB → {End.RssBytes / Mb,8:F1} MB");
        text.AppendLine(inv, $"handles:   {Start.Handles,8} → {End.Handles,8}");
        text.AppendLine(inv, $"threads:   {Start.Threads,8} → {End.Threads,8}");
        return text.ToString();
    }

    /// <summary>Writes the report as one JSON object.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("audio_minutes", AudioMinutes);
        json.WriteNumber("wall_seconds", Math.Round(WallSeconds, 2));
        json.WriteNumber("windows", Windows);
        json.WriteNumber("expected_windows", ExpectedWindows);
        json.WriteNumber("dropped_windows", DroppedWindows);
        json.WriteNumber("decisions", Decisions);
        json.WriteNumber("errors", Errors);
        json.WriteNumber("unobserved_exceptions", UnobservedExceptions);
        json.WriteNumber("managed_start_mb", Math.Round(Start.ManagedBytes / Mb, 2));
        json.WriteNumber("managed_end_mb", Math.Round(End.ManagedBytes / Mb, 2));
        json.WriteNumber("rss_start_mb", Math.Round(Start.RssBytes / Mb, 1));
        json.WriteNumber("rss_end_mb", Math.Round(End.RssBytes / Mb, 1));
        json.WriteNumber("handles_start", Start.Handles);
        json.WriteNumber("handles_end", End.Handles);
        json.WriteNumber("threads_start", Start.Threads);
        json.WriteNumber("threads_end", End.Threads);
        json.WriteEndObject();
    }
}
