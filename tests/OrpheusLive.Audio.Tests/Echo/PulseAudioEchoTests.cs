using OrpheusLive.Tests.Shared;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Audio.Playback;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Playback;
using static OrpheusLive.Audio.Tests.EchoCancellation.EchoScenario;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

/// <summary>
/// The live echo path on the real sound server of scripts/ci-audio.sh: the built-in player plays into the null sink,
/// the "microphone" is that sink's monitor, and the canceller removes what the player recorded as its reference —
/// timed by the real clocks, buffers and bursts of PulseAudio.
/// </summary>
[Collection(PulseAudioCollection.Name)]
[Trait(RealTimeTrait.Name, RealTimeTrait.Value)]
public sealed class PulseAudioEchoTests(PulseAudioFixture pulse)
{
    [Fact]
    public async Task The_music_the_built_in_player_plays_is_cancelled_out_of_a_microphone_that_hears_it()
    {
        pulse.SkipIfUnavailable();
        using var canceller = new EchoCanceller();
        if (canceller.UnavailableReason is { } reason) Assert.Skip(reason);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // One real-time audio test at a time across the test processes of ./test; its 120 s start after the wait.
        using var realTime = await RealTimeAudioLock.AcquireAsync(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        // A sink of its own: other test processes play to the shared default sink meanwhile, and their music on the
        // monitor is an echo without a reference.
        await using var sink = await PulseAudioFixture.CreateSinkAsync("orpheus_echo");
        using var dir = new TempDirectory();
        var folder = Path.Combine(dir.Path, "chill");
        Directory.CreateDirectory(folder);
        WavFile.Write(Path.Combine(folder, "music.wav"), WavFormat.Pcm(Rate, 1), Music(60 * Rate));
        var reference = new EchoReference();
        await using var player = new LocalPlayer(new LocalPlayerOptions { Volume = 1, FadeMilliseconds = 20 },
            new PulseAudioOutputFactory(new PulseAudioSinkOptions { Device = sink.Name })) { EchoReference = reference };
        var microphone = new Recorded(new PulseAudioSource(new PulseAudioSourceOptions { Device = sink.Name + ".monitor" }));
        await using var cancelled = new EchoCancellingSource(microphone, reference, new EchoCanceller());

        (await player.PlayAsync(new PlayRequest("chill", [folder], false), timeout.Token)).Started.ShouldBeTrue();
        var output = new List<float>();
        var block = new float[Rate / 10];
        // At least 40 s (the filter converges in 10-30 s, later while the other test assemblies load the machine); the
        // delay estimate may settle late too, so read on until it has been known for 8 s (at most 56 s of the 60 s
        // track) and measure the last 4 s.
        var knownAt = -1;
        while (output.Count < 56 * Rate && (output.Count < 40 * Rate || knownAt < 0 || output.Count < knownAt + (8 * Rate)))
        {
            var n = await cancelled.ReadAsync(block, timeout.Token);
            output.AddRange(block.AsSpan(0, n));
            if (knownAt < 0 && cancelled.Canceller.DelayMilliseconds is not null) knownAt = output.Count;
        }

        await player.StopAsync(timeout.Token);
        var heard = microphone.Samples.ToArray().AsSpan(0, output.Count - 128).ToArray(); // the output is one frame late
        var result = output.Skip(128).ToArray();
        var start = result.Length - (4 * Rate);
        Energy(heard.AsSpan(start, 4 * Rate)).ShouldBeGreaterThan(1e-3 * 4 * Rate, "the microphone hears the music");
        var erle = Erle(heard, result, start, 4 * Rate);
        cancelled.Canceller.DelayMilliseconds.ShouldNotBeNull();
        erle.ShouldBeGreaterThan(10, $"ERLE {erle:F1} dB at a delay of {cancelled.Canceller.DelayMilliseconds:F0} ms");
    }

    /// <summary>Keeps a copy of everything the microphone delivered, before the canceller changes it.</summary>
    private sealed class Recorded(IAudioSource inner) : IAudioSource
    {
        public List<float> Samples { get; } = [];

        public string Description => inner.Description;

        public bool IsLive => inner.IsLive;

        public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            Samples.AddRange(buffer.Span[..n]);
            return n;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
