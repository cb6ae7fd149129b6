using System.Diagnostics;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Finds programs on PATH that decode compressed music (ffmpeg; sox with its compiled-in formats; opusdec) and
/// starts them for a file. WAV never needs one.
/// </summary>
internal sealed class ExternalDecoders
{
    private readonly string? _ffmpeg;
    private readonly string? _sox;
    private readonly string? _opusdec;
    private readonly HashSet<string> _soxFormats;

    private ExternalDecoders(string? ffmpeg, string? sox, string? opusdec, HashSet<string> soxFormats)
    {
        _ffmpeg = ffmpeg;
        _sox = sox;
        _opusdec = opusdec;
        _soxFormats = soxFormats;
    }

    /// <summary>No external decoders: WAV only (tests).</summary>
    public static ExternalDecoders None { get; } = new(null, null, null, []);

    /// <summary>Extensions of compressed formats worth looking for in a music folder.</summary>
    public static IReadOnlySet<string> CompressedExtensions { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".mp3", ".ogg", ".oga", ".flac", ".opus", ".m4a", ".aac", ".wma" };

    /// <summary>Names of the programs found, for log messages.</summary>
    public string Available =>
        string.Join(", ", new[] { _ffmpeg is null ? null : "ffmpeg", _sox is null ? null : "sox", _opusdec is null ? null : "opusdec" }.Where(n => n is not null));

    /// <summary>Looks for decoders on PATH (once per player).</summary>
    public static ExternalDecoders Detect()
    {
        var sox = FindOnPath("sox");
        return new ExternalDecoders(FindOnPath("ffmpeg"), sox, FindOnPath("opusdec"), sox is null ? [] : SoxFormats(sox));
    }

    public bool CanDecode(string extension)
    {
        var ext = extension.TrimStart('.').ToLowerInvariant();
        if (_ffmpeg is not null) return true;
        if (ext == "opus" && _opusdec is not null) return true;
        return _soxFormats.Contains(ext);
    }

    /// <summary>Starts a decoder that writes raw float32 at the given rate and channels (opusdec: always stereo).</summary>
    public IAudioTrack Open(string path, int sampleRate, int channels, int maxFrames)
    {
        var ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        ProcessStartInfo psi;
        if (_ffmpeg is not null)
        {
            psi = Start(_ffmpeg, "-v", "error", "-nostdin", "-i", path, "-f", "f32le", "-ac", $"{channels}", "-ar", $"{sampleRate}", "-");
        }
        else if (ext == "opus" && _opusdec is not null)
        {
            psi = Start(_opusdec, "--quiet", "--rate", $"{sampleRate}", "--float", "--force-stereo", path, "-");
            channels = 2;
        }
        else if (_sox is not null && _soxFormats.Contains(ext))
        {
            psi = Start(_sox, "-q", path, "-t", "raw", "-e", "floating-point", "-b", "32", "-L", "-r", $"{sampleRate}", "-c", $"{channels}", "-");
        }
        else
        {
            throw new NotSupportedException($"No decoder for '{Path.GetFileName(path)}'.");
        }
        return new ProcessTrack(psi, sampleRate, channels, maxFrames);
    }

    private static ProcessStartInfo Start(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program);
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        return psi;
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        if (string.IsNullOrEmpty(path)) return null;
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe" } : new[] { name };
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full)) return full;
            }
        }
        return null;
    }

    // sox lists the formats it was built with ("AUDIO FILE FORMATS: 8svx aif ... wav ..."); mp3/opus need extra libs.
    private static HashSet<string> SoxFormats(string sox)
    {
        var formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(sox, "-h") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null) return formats;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(5000) || !stdout.Wait(1000)) return formats;
            var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith("AUDIO FILE FORMATS:", StringComparison.Ordinal));
            if (line is null) return formats;
            foreach (var f in line["AUDIO FILE FORMATS:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) formats.Add(f.Trim());
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // sox present but not runnable: treat as absent
        }
        return formats;
    }
}
