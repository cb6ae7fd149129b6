using System.Diagnostics;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>Compressed music through the decoders found on PATH (sox for flac/ogg, opusdec for opus); skipped without them.</summary>
public sealed class ExternalDecoderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("sox", "flac")]
    [InlineData("sox", "ogg")]
    [InlineData("opusenc", "opus")]
    public async Task Compressed_file_is_decoded_and_played(string encoder, string extension)
    {
        if (!OnPath(encoder)) Assert.Skip($"{encoder} is not installed.");
        var decoders = ExternalDecoders.Detect();
        if (!decoders.CanDecode("." + extension)) Assert.Skip($"No decoder for .{extension} on this machine.");

        using var dir = new TempDirectory();
        var wav = dir.File("tone.wav");
        WavFile.Write(wav, WavFormat.Pcm(48_000, 1), Signals.Sine(1000, 48_000, 48_000, 0.5));
        var folder = Path.Combine(dir.Path, "music");
        Directory.CreateDirectory(folder);
        var compressed = Path.Combine(folder, "tone." + extension);
        var encoded = encoder == "sox" ? Run("sox", wav, compressed) : Run("opusenc", "--quiet", wav, compressed);
        encoded.ShouldBeTrue($"{encoder} could not make a .{extension} file");

        var outputs = new FakeOutputFactory(new FakeAudioOutput(48_000, 2));
        await using var player = new LocalPlayer(new LocalPlayerOptions { FadeMilliseconds = 10 }, outputs, null, decoders, new Random(1));
        var result = await player.PlayAsync(new PlayRequest("chill", [folder], false), TestContext.Current.CancellationToken);

        result.Started.ShouldBeTrue(result.Message);
        player.Current!.Title.ShouldBe("tone." + extension);
        var deadline = DateTime.UtcNow + Patience;
        while (!(outputs.Output.SamplesWritten > 48_000 && outputs.Output.LastBlockRms > 0.2))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("No decoded audio reached the output.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(d => File.Exists(Path.Combine(d, name)));

    private static bool Run(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        return process.WaitForExit(30_000) && process.ExitCode == 0;
    }
}
