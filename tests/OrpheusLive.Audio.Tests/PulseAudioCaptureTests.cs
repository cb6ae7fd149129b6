using OrpheusLive.Core.Windowing;
using System.Buffers.Binary;
using OrpheusLive.Audio.Dsp;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

/// <summary>Real capture through libpulse-simple from the virtual devices of scripts/ci-audio.sh. No timing asserts.</summary>
[Collection(PulseAudioCollection.Name)]
public sealed class PulseAudioCaptureTests(PulseAudioFixture pulse)
{
    private const int Rate = IAudioSource.SampleRate;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Captures_a_known_tone_written_into_the_pipe_source()
    {
        pulse.SkipIfUnavailable();
        if (!File.Exists(pulse.PipeFifo)) Assert.Skip($"The pipe source FIFO '{pulse.PipeFifo}' does not exist.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        await using var source = new PulseAudioSource(new PulseAudioSourceOptions { Device = pulse.PipeSource });

        // Feed a continuous 1 kHz tone (amplitude 0.5) in 100 ms blocks until the capture has heard enough of it.
        using var feeding = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var feeder = FeedToneAsync(pulse.PipeFifo, 1000, 0.5, feeding.Token);
        try
        {
            var captured = await CaptureUntilLoud(source, seconds: 1.0, timeout.Token);

            Signals.PeakFrequency(captured, Rate, 200, 4000).ShouldBe(1000, 2);
            Signals.ZeroCrossingFrequency(captured, Rate).ShouldBe(1000, 10);
            AudioLevel.Rms(captured).ShouldBe(0.5 / Math.Sqrt(2), 0.05);
        }
        finally
        {
            await feeding.CancelAsync();
            await feeder;
        }
    }

    [Fact]
    public async Task Captures_the_440_Hz_sine_source()
    {
        pulse.SkipIfUnavailable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        await using var source = new PulseAudioSource(new PulseAudioSourceOptions { Device = pulse.SineSource, FragmentMilliseconds = 50 });

        var captured = await CaptureUntilLoud(source, seconds: 1.0, timeout.Token);

        source.IsLive.ShouldBeTrue();
        Signals.PeakFrequency(captured, Rate, 100, 2000).ShouldBe(440, 2);
        AudioLevel.RmsDbfs(captured).ShouldBeGreaterThan(-30);
    }

    [Fact]
    public async Task Unknown_device_is_a_clear_error()
    {
        pulse.SkipIfUnavailable();
        await using var source = new PulseAudioSource(new PulseAudioSourceOptions { Device = "no_such_source_xyz" });

        var e = await Should.ThrowAsync<AudioSourceException>(async () =>
            await source.ReadAsync(new float[1600], TestContext.Current.CancellationToken));

        e.Message.ShouldContain("No microphone");
        e.Message.ShouldContain("no_such_source_xyz");
    }

    [Fact]
    public async Task Cancelling_a_read_returns_promptly_and_dispose_closes_the_stream()
    {
        pulse.SkipIfUnavailable();
        if (!File.Exists(pulse.PipeFifo)) Assert.Skip("No pipe source FIFO.");
        // Nobody writes into the pipe: a read may wait for ever unless it is cancelled.
        var source = new PulseAudioSource(new PulseAudioSourceOptions { Device = pulse.PipeSource });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            var buffer = new float[Rate * 30];
            while (true) await source.ReadAsync(buffer, cts.Token); // drains any silence the pipe produces, then waits
        }
        catch (OperationCanceledException)
        {
            // expected
        }
        catch (AudioSourceException e)
        {
            Assert.Fail("Unexpected device error: " + e.Message);
        }
        await source.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(async () => await source.ReadAsync(new float[10], CancellationToken.None));
    }

    [Fact]
    public async Task No_server_is_a_clear_error()
    {
        pulse.SkipIfUnavailable(); // needs libpulse, which the fixture's presence implies
        await using var source = new PulseAudioSource(new PulseAudioSourceOptions { Server = "unix:/tmp/orpheus-no-such-server/native" });

        var e = await Should.ThrowAsync<AudioSourceException>(async () =>
            await source.ReadAsync(new float[1600], TestContext.Current.CancellationToken));

        e.Message.ShouldContain("No PulseAudio server");
    }

    [Fact]
    public async Task Audio_Server_from_the_settings_is_the_server_the_microphone_records_from()
    {
        pulse.SkipIfUnavailable();
        var decoder = new Decoding.AudioDecoder([new Decoding.Formats.WavAudioFormat()]);
        var ct = TestContext.Current.CancellationToken;

        // The running daemon is reachable by default, so only the setting can make this fail.
        await using var configured = new AudioSourceFactory(decoder, new AudioOptions { Server = "unix:/tmp/orpheus-no-such-server/native" })
            .Open(null, fast: false, device: pulse.SineSource);
        (await Should.ThrowAsync<AudioSourceException>(async () => await configured.ReadAsync(new float[1600], ct)))
            .Message.ShouldContain("No PulseAudio server");

        await using var byDefault = new AudioSourceFactory(decoder, new AudioOptions { FragmentMilliseconds = 50 })
            .Open(null, fast: false, device: pulse.SineSource);
        (await byDefault.ReadAsync(new float[800], ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_source_that_disappears_mid_run_moves_to_the_fallback_source()
    {
        pulse.SkipIfUnavailable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        // A private sine source stands in for a USB microphone; unloading its module is the unplug. PulseAudio moves
        // the recording to the fallback source instead of failing it, so the capture simply goes on.
        var name = "orpheus_unplug_" + Guid.NewGuid().ToString("N")[..8];
        var module = Pactl("load-module", "module-sine-source", $"source_name={name}", "rate=16000", "frequency=300").Trim();
        int.TryParse(module, out _).ShouldBeTrue($"pactl load-module answered '{module}'");
        await using var source = new PulseAudioSource(new PulseAudioSourceOptions { Device = name, FragmentMilliseconds = 50 });
        var buffer = new float[800];
        (await source.ReadAsync(buffer, timeout.Token)).ShouldBeGreaterThan(0);

        Pactl("unload-module", module);

        var after = 0;
        while (after < IAudioSource.SampleRate) after += await source.ReadAsync(buffer, timeout.Token);
        after.ShouldBeGreaterThanOrEqualTo(IAudioSource.SampleRate);
    }

    [Theory]
    [InlineData("KILL", "stopped")] // the daemon crashes: the connection closes
    [InlineData("STOP", "delivered no audio for 1 s")] // the daemon hangs: the connection stays open, nothing arrives
    public async Task A_server_that_dies_or_hangs_mid_run_is_a_clear_error(string signal, string expected)
    {
        pulse.SkipIfUnavailable();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        // A private daemon (own runtime dir and socket) that this test can kill without disturbing the shared one.
        var runtime = Path.Combine(Path.GetTempPath(), "orpheus-pulse-doomed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(runtime);
        var socket = Path.Combine(runtime, "native");
        var daemon = StartPrivateDaemon(runtime, socket);
        try
        {
            await using var source = new PulseAudioSource(new PulseAudioSourceOptions
            {
                Server = "unix:" + socket,
                Device = "doomed_sine",
                FragmentMilliseconds = 50,
                StallSeconds = 1,
            });
            var buffer = new float[800];
            (await source.ReadAsync(buffer, timeout.Token)).ShouldBeGreaterThan(0);

            Signal(daemon, signal);

            var e = await Should.ThrowAsync<AudioSourceException>(async () =>
            {
                while (true) await source.ReadAsync(buffer, timeout.Token);
            });
            e.Message.ShouldContain(expected);
            e.Message.ShouldStartWith("The microphone stopped");
        }
        finally
        {
            if (!daemon.HasExited) daemon.Kill();
            daemon.Dispose();
            try { Directory.Delete(runtime, recursive: true); } catch (IOException) { }
        }
    }

    private static void Signal(System.Diagnostics.Process process, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(10_000).ShouldBeTrue("kill did not return");
        kill.ExitCode.ShouldBe(0, $"kill -{signal} failed");
    }

    private static System.Diagnostics.Process StartPrivateDaemon(string runtime, string socket)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("pulseaudio") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.Environment["XDG_RUNTIME_DIR"] = runtime;
        psi.Environment.Remove("PULSE_SERVER");
        foreach (var a in new[]
                 {
                     "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=stderr", "--log-level=error",
                     $"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}",
                     "--load=module-sine-source source_name=doomed_sine rate=16000 frequency=500",
                 })
            psi.ArgumentList.Add(a);
        var process = System.Diagnostics.Process.Start(psi)!;
        process.ErrorDataReceived += static (_, _) => { };
        process.OutputDataReceived += static (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!File.Exists(socket))
        {
            if (process.HasExited || DateTime.UtcNow > deadline) Assert.Skip("Could not start a private PulseAudio daemon for this test.");
            Thread.Sleep(20);
        }
        return process;
    }

    private static string Pactl(params string[] arguments)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("pactl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit(10_000);
        return output;
    }

    /// <summary>Reads until a block of audio is clearly not silence, then returns the next <paramref name="seconds"/>.</summary>
    private static async Task<float[]> CaptureUntilLoud(IAudioSource source, double seconds, CancellationToken cancellationToken)
    {
        var block = new float[Rate / 10];
        var wanted = (int)(seconds * Rate);
        var captured = new List<float>(wanted);
        var loudBlocks = 0;
        while (captured.Count < wanted)
        {
            var n = await source.ReadAsync(block, cancellationToken);
            var span = block.AsSpan(0, n);
            // Skip leading silence (the pipe source may produce it before our writer starts) and the first loud block
            // (it may start mid-burst).
            if (loudBlocks < 2)
            {
                if (AudioLevel.Rms(span) > 0.05) loudBlocks++;
                continue;
            }
            captured.AddRange(span);
        }
        return [.. captured.Take(wanted)];
    }

    private static async Task FeedToneAsync(string fifo, double frequency, double amplitude, CancellationToken cancellationToken)
    {
        var block = new byte[Rate / 10 * 2];
        long n = 0;
        try
        {
            await using var pipe = new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
            while (!cancellationToken.IsCancellationRequested)
            {
                for (var i = 0; i < block.Length / 2; i++, n++)
                {
                    var v = amplitude * Math.Sin(2 * Math.PI * frequency * n / Rate);
                    BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(2 * i), (short)Math.Round(v * 32767));
                }
                await pipe.WriteAsync(block, cancellationToken);
                await pipe.FlushAsync(cancellationToken);
                await Task.Delay(90, cancellationToken); // about real time, so the source is not flooded
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
