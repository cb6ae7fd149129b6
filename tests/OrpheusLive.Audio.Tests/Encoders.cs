using System.Diagnostics;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Tests;

/// <summary>Makes compressed test fixtures with the Debian encoders (<c>scripts/setup.sh --test</c> installs them).</summary>
internal static class Encoders
{
    /// <summary>The program that makes files of each format, by the extension it writes.</summary>
    public static string ProgramFor(string extension) => extension switch
    {
        ".ogg" => "oggenc",
        ".opus" => "opusenc",
        ".mp3" => "lame",
        ".flac" => "flac",
        _ => throw new ArgumentException(extension),
    };

    /// <summary>Skips the test when the encoder for <paramref name="extension"/> is not installed.</summary>
    public static void Require(string extension)
    {
        var program = ProgramFor(extension);
        if (Decoding.ProgramLocator.Find(program) is null) Assert.Skip($"{program} is not installed (scripts/setup.sh --test installs it).");
    }

    /// <summary>Writes <paramref name="interleaved"/> as WAV and encodes it to <paramref name="path"/> (format by extension).</summary>
    public static void Encode(string path, int sampleRate, int channels, float[] interleaved)
    {
        var extension = Path.GetExtension(path);
        Require(extension);
        var wav = path + ".src.wav";
        WavFile.Write(wav, WavFormat.Pcm(sampleRate, channels, channels > 2 || sampleRate > 96_000 ? 24 : 16), interleaved);
        string[] arguments = extension switch
        {
            ".ogg" => ["-Q", "-q", "5", "-o", path, wav],
            ".opus" => ["--quiet", "--bitrate", channels > 2 ? "256" : "128", wav, path],
            ".mp3" => ["--quiet", "-b", "192", wav, path],
            ".flac" => ["--silent", "-f", "--channel-map=none", "-o", path, wav],
            _ => throw new ArgumentException(extension),
        };
        if (interleaved.Length == 0 && extension == ".flac") Run("sox", wav, path); // flac refuses an empty data chunk
        else Run(ProgramFor(extension), arguments);
        File.Delete(wav);
    }

    /// <summary>Runs a program to its end and fails the test when it fails.</summary>
    public static void Run(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) process.Kill();
        if (process.ExitCode != 0) Assert.Fail($"{program} {string.Join(' ', arguments)} failed: {stderr.Result}{stdout.Result}");
    }
}
