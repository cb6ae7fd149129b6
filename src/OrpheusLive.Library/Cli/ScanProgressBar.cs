using System.Globalization;
using OrpheusLive.Library.Scanning;

namespace OrpheusLive.Library.Cli;

/// <summary>
/// A one-line progress bar for <c>library scan</c> on a terminal: files done of found, audio analysed, speed (× real
/// time) and the file in work, redrawn in place (carriage return) at most every <see cref="MinInterval"/>; cleared by
/// <see cref="Finish"/>. Only for a terminal: the command does not create one when output is redirected.
/// </summary>
public sealed class ScanProgressBar(TextWriter output, TimeProvider time, int width = 80) : IProgress<ScanProgress>
{
    /// <summary>The shortest time between redraws.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);

    private readonly long _started = time.GetTimestamp();
    private long _lastDrawn = long.MinValue;
    private int _lastLength;

    /// <inheritdoc />
    public void Report(ScanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = time.GetTimestamp();
        var last = value.FilesDone == value.FilesTotal;
        if (!last && _lastDrawn != long.MinValue && time.GetElapsedTime(_lastDrawn, now) < MinInterval) return;
        _lastDrawn = now;
        var line = Format(value, time.GetElapsedTime(_started, now), width);
        output.Write('\r' + line.PadRight(_lastLength));
        output.Flush();
        _lastLength = line.Length;
    }

    /// <summary>Clears the bar (the summary is printed after it).</summary>
    public void Finish()
    {
        if (_lastLength == 0) return;
        output.Write('\r' + new string(' ', _lastLength) + '\r');
        output.Flush();
        _lastLength = 0;
    }

    /// <summary>The bar's text: <c>[#####·····] 12/63 · 4 min of audio · 25× · name.ogg</c>, at most <paramref name="width"/> characters.</summary>
    public static string Format(ScanProgress progress, TimeSpan elapsed, int width)
    {
        ArgumentNullException.ThrowIfNull(progress);
        const int barCells = 20;
        var fraction = progress.FilesTotal > 0 ? Math.Clamp(progress.FilesDone / (double)progress.FilesTotal, 0, 1) : 1;
        var filled = (int)Math.Round(fraction * barCells);
        var speed = elapsed.TotalSeconds > 0.5 ? string.Create(CultureInfo.InvariantCulture, $" · {progress.AudioSeconds / elapsed.TotalSeconds:0}×") : "";
        var audio = progress.AudioSeconds >= 120
            ? string.Create(CultureInfo.InvariantCulture, $"{progress.AudioSeconds / 60:0} min")
            : string.Create(CultureInfo.InvariantCulture, $"{progress.AudioSeconds:0} s");
        var line = $"[{new string('#', filled)}{new string('·', barCells - filled)}] {progress.FilesDone}/{progress.FilesTotal} · {audio} of audio{speed}";
        if (progress.CurrentFile is { } file) line += " · " + Path.GetFileName(file);
        return line.Length <= width ? line : line[..Math.Max(0, width - 1)] + "…";
    }
}
