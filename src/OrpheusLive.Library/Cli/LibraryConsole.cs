using System.Globalization;
using System.Text;
using OrpheusLive.Library.Scanning;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Cli;

/// <summary>
/// What the <c>orpheus library …</c> sub-commands do, behind the command-line parsing: scan (progress bar on a
/// terminal, JSON lines with <c>--json</c>), list, forget, prune, map. Each returns the process exit code and writes
/// results to <c>output</c> and problems to <c>errors</c>, one line each naming the file or folder. Exit codes: 0 done
/// (a scan with failed files too: they are reported and the scan goes on); 1 when no folder could be read, the library
/// is busy or cannot be used, or a path is unknown.
/// </summary>
/// <param name="library">The opened library.</param>
/// <param name="output">Results (stdout).</param>
/// <param name="errors">Problems and the progress bar (stderr).</param>
/// <param name="time">Clock of the progress bar.</param>
public sealed class LibraryConsole(MusicLibrary library, TextWriter output, TextWriter errors, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary><c>library scan [DIR…] [--json]</c>; exit 2 when no folder is given and none the library knows exists.</summary>
    /// <param name="folders">Folders to scan; none: <see cref="MusicLibrary.Folders"/>.</param>
    /// <param name="json">JSON lines instead of text.</param>
    /// <param name="progressBar">Draw a progress bar on <c>errors</c> (only when it is a terminal).</param>
    /// <param name="cancellationToken">Ctrl+C / SIGTERM: the scan stops cleanly and the next one resumes.</param>
    public async Task<int> ScanAsync(IReadOnlyList<string> folders, bool json, bool progressBar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0)
        {
            folders = library.Folders();
            if (folders.Count == 0)
            {
                await errors.WriteLineAsync("orpheus library scan: no folder given, and none of the folders the library knows exists any more; name the new place: 'orpheus library scan DIR'.").ConfigureAwait(false);
                return 2;
            }
        }

        var bar = progressBar ? new ScanProgressBar(errors, _time, Math.Max(40, TerminalWidth() - 1)) : null;
        ScanSummary summary;
        try
        {
            summary = await library.ScanAsync(folders, bar, r => OnResult(r, json, bar), cancellationToken).ConfigureAwait(false);
        }
        catch (LibraryBusyException e)
        {
            await errors.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        finally
        {
            bar?.Finish();
        }

        foreach (var line in summary.UnreadableFolders) await errors.WriteLineAsync(line).ConfigureAwait(false);
        await output.WriteLineAsync(json ? LibraryJsonLines.Summary(summary) : Describe(summary)).ConfigureAwait(false);
        return summary.NoFolderReadable ? 1 : 0;
    }

    /// <summary><c>library list [--mood M] [--json]</c>: every track (or a mood's analysed tracks), by id.</summary>
    public int List(string? mood, bool json)
    {
        var tracks = library.List(mood);
        if (json)
        {
            foreach (var t in tracks) output.WriteLine(LibraryJsonLines.Listed(t));
            return 0;
        }

        if (tracks.Count == 0)
        {
            output.WriteLine(mood is null ? "The library is empty: run `orpheus library scan DIR` first." : $"No track of mood '{mood}' in the library.");
            return 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"id",5}  {"mood",-11} {"valence",7} {"arousal",7} {"bpm",6} {"length",7} {"cluster",7}  path"));
        foreach (var t in tracks)
        {
            var mood1 = t.Status == TrackStatus.Failed ? "(failed)" : t.Mood ?? "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{t.Id,5}  {mood1,-11} {Fixed(t.Valence, 2),7} {Fixed(t.Arousal, 2),7} {Fixed(t.TempoBpm, 0),6} {Length(t.DurationSeconds),7} {(t.Cluster?.ToString(CultureInfo.InvariantCulture) ?? "-"),7}  {string.Join(" | ", t.Paths)}"));
            if (t.Status == TrackStatus.Failed && t.Error is not null) output.WriteLine($"       {t.Error}");
        }
        output.WriteLine($"{tracks.Count} tracks.");
        return 0;
    }

    /// <summary><c>library forget PATH</c>: 0 when forgotten, 1 when the path is not in the library.</summary>
    public int Forget(string path)
    {
        var full = Path.GetFullPath(path);
        if (library.Forget(full))
        {
            output.WriteLine($"Forgot '{full}'.");
            return 0;
        }

        errors.WriteLine($"'{full}' is not in the library (`orpheus library list` shows its paths).");
        return 1;
    }

    /// <summary><c>library prune</c>: forgets every file that no longer exists.</summary>
    public int Prune()
    {
        var gone = library.Prune();
        foreach (var p in gone) output.WriteLine($"Forgot '{p}' (no longer exists).");
        output.WriteLine(gone.Count == 1 ? "Pruned 1 file." : $"Pruned {gone.Count} files.");
        return 0;
    }

    /// <summary><c>library map --out FILE.png|.svg</c>: 1 when the library has no analysed track to draw.</summary>
    public int Map(string path)
    {
        var full = Path.GetFullPath(path);
        if (!library.List().Any(t => t.Status == TrackStatus.Analysed))
        {
            errors.WriteLine($"Nothing to draw in '{full}': the library has no analysed track; run `orpheus library scan DIR` first.");
            return 1;
        }

        library.RenderMap(full);
        output.WriteLine($"Wrote the map of {library.List().Count(t => t.Status == TrackStatus.Analysed)} tracks to '{full}'.");
        return 0;
    }

    /// <summary>The human summary of a scan: counts, audio, time, speed, clusters, and whether it was stopped.</summary>
    public static string Describe(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{(summary.Cancelled ? "Stopped" : "Scanned")}: {summary.Analysed} analysed, {summary.Cached} cached, {summary.Failed} failed of {summary.FilesFound} files; ");
        text.Append(CultureInfo.InvariantCulture, $"{summary.AudioSeconds:0.#} s of audio in {summary.Seconds:0.##} s");
        if (summary.Seconds > 0 && summary.AudioSeconds > 0) text.Append(CultureInfo.InvariantCulture, $" ({summary.AudioSeconds / summary.Seconds:0.#}× real time)");
        if (summary.Clustering is { } c) text.Append(CultureInfo.InvariantCulture, $"; {c.K} clusters");
        text.Append('.');
        if (summary.Cancelled) text.Append(" The next scan resumes where this one stopped.");
        return text.ToString();
    }

    private void OnResult(ScanResult result, bool json, ScanProgressBar? bar)
    {
        if (json)
        {
            output.WriteLine(LibraryJsonLines.Track(result));
            output.Flush();
            return;
        }

        if (result.Status != ScanStatus.Failed) return;
        bar?.Finish();
        errors.WriteLine($"failed: {result.Error}");
    }

    private static string Fixed(double? value, int digits) =>
        value is { } v ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static string Length(double? seconds) =>
        seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString(s >= 3600 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture) : "-";

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
