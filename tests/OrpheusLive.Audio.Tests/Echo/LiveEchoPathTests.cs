using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Audio;
using static OrpheusLive.Audio.Tests.EchoCancellation.EchoScenario;

namespace OrpheusLive.Audio.Tests.EchoCancellation;

/// <summary>
/// The live echo path on a driven clock: the player's tap writes what it plays into the reference, the microphone
/// wrapper reads it back for each captured block and cancels the echo.
/// </summary>
public sealed class LiveEchoPathTests
{
    private const int Block = Rate / 10;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static float[] Ramp(int n, float start) => Enumerable.Range(0, n).Select(i => (start + i) / 100_000f).ToArray();

    [Fact]
    public void Blocks_the_player_writes_are_dated_by_their_samples_not_by_when_the_output_took_them()
    {
        var reference = new EchoReference(clock: _clock);
        var tap = new PlaybackEchoTap(reference, Rate, 1, 1024);
        var start = reference.Now;

        tap.Played(Ramp(1600, 0));
        _clock.Advance(TimeSpan.FromMilliseconds(30)); // the output took the first block at once: the second follows it
        tap.Played(Ramp(1600, 1600));
        _clock.Advance(TimeSpan.FromMilliseconds(130));
        tap.Played(Ramp(1600, 3200));

        var heard = new float[4800];
        reference.Read(start, heard);
        heard.ShouldBe(Ramp(4800, 0), tolerance: 1e-6f);
    }

    [Fact]
    public void After_a_pause_the_player_s_blocks_are_dated_from_the_resume_and_the_pause_reads_as_silence()
    {
        var reference = new EchoReference(clock: _clock);
        var tap = new PlaybackEchoTap(reference, Rate, 1, 1024);
        var start = reference.Now;
        tap.Played(Ramp(1600, 0));

        _clock.Advance(TimeSpan.FromSeconds(2)); // paused: nothing written for 2 s
        var resumed = reference.Now;
        tap.Played(Ramp(1600, 1600));

        var pause = new float[1600];
        reference.Read(start + TimeSpan.FromSeconds(1), pause);
        pause.ShouldAllBe(v => v == 0f);
        var after = new float[1600];
        reference.Read(resumed, after);
        after.ShouldBe(Ramp(1600, 1600), tolerance: 1e-6f);
    }

    [Fact]
    public void A_stereo_48_kHz_output_is_recorded_as_16_kHz_mono_at_the_same_level()
    {
        var reference = new EchoReference(clock: _clock);
        var tap = new PlaybackEchoTap(reference, 48_000, 2, 1024);
        var start = reference.Now;
        var stereo = new float[48_000 * 2];
        for (var i = 0; i < 48_000; i++)
            stereo[2 * i] = stereo[2 * i + 1] = (float)(0.5 * Math.Sin(2 * Math.PI * 440 * i / 48_000.0));

        for (var i = 0; i < stereo.Length; i += 2048) tap.Played(stereo.AsSpan(i, Math.Min(2048, stereo.Length - i)));

        var heard = new float[Rate / 2];
        reference.Read(start + TimeSpan.FromSeconds(0.25), heard);
        var rms = Math.Sqrt(Energy(heard) / heard.Length);
        rms.ShouldBe(0.5 / Math.Sqrt(2), 0.01);
    }

    [Theory]
    [InlineData(EchoCancellerEngine.Speex, 0, 15)]
    [InlineData(EchoCancellerEngine.Speex, 60, 12)]
    [InlineData(EchoCancellerEngine.Fdaf, 0, 10)]
    public async Task A_microphone_that_hears_the_player_comes_out_without_the_music(EchoCancellerEngine engine, int jitterMs, double minimumErle)
    {
        // The player writes 100 ms at a time, heard 150 ms later through a room; the microphone delivers each 100 ms
        // block 20 ms after its end, plus up to jitterMs of burstiness.
        var seconds = 20;
        var music = Music(seconds * Rate);
        var mic = EchoOf(music, Room(0.3, 3000), 150 * Rate / 1000);
        var reference = new EchoReference(clock: _clock);
        var tap = new PlaybackEchoTap(reference, Rate, 1, 1024);
        var canceller = new EchoCanceller(new EchoCancellerOptions { Engine = engine });
        if (canceller.UnavailableReason is { } reason)
        {
            canceller.Dispose();
            Assert.Skip(reason);
        }

        var random = new Random(5);
        var microphone = new ArraySource(mic, Block) { Live = true };
        var start = _clock.GetUtcNow();
        await using var source = new EchoCancellingSource(microphone, reference, canceller);
        var output = new float[mic.Length];
        var block = new float[Block];
        for (var k = 0; k <= seconds * 10; k++)
        {
            _clock.SetUtcNow(start + TimeSpan.FromMilliseconds(100 * k));
            if (k < seconds * 10) tap.Played(music.AsSpan(k * Block, Block));
            if (k == 0) continue;
            // Block k-1 ends at 100 k ms and arrives 20 ms (+ jitter) later.
            _clock.SetUtcNow(start + TimeSpan.FromMilliseconds(100 * k + 20 + random.Next(jitterMs + 1)));
            var n = await source.ReadAsync(block, TestContext.Current.CancellationToken);
            n.ShouldBe(Block);
            block.CopyTo(output, (k - 1) * Block);
        }

        canceller.IsAligned.ShouldBeTrue();
        // The capture is dated by the first block's arrival, 20 ms (+ its jitter) late: the canceller finds the 150 ms + that.
        canceller.DelayMilliseconds!.Value.ShouldBeInRange(168, 172 + jitterMs);
        var shifted = mic.AsSpan(0, mic.Length - canceller.LatencySamples).ToArray();
        var aligned = output.AsSpan(canceller.LatencySamples).ToArray();
        var erle = Erle(shifted, aligned, 15 * Rate, 4 * Rate);
        erle.ShouldBeGreaterThan(minimumErle, $"ERLE of the last seconds: {erle:F1} dB");
    }

    [Fact]
    public async Task Every_divergence_of_the_canceller_reaches_the_caller()
    {
        var canceller = new DivergingCanceller();
        var seen = new List<int>();
        await using var source = new EchoCancellingSource(new ArraySource(new float[Block * 3], Block) { Live = true }, new EchoReference(clock: _clock),
            canceller, e => seen.Add(e.ResetCount));

        for (var i = 0; i < 3; i++) await source.ReadAsync(new float[Block], TestContext.Current.CancellationToken);

        seen.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Disposing_the_wrapper_disposes_the_microphone_the_canceller_and_the_companion()
    {
        var microphone = new ArraySource(new float[Block], Block) { Live = true };
        var canceller = new DivergingCanceller();
        var companion = new Flag();
        var source = new EchoCancellingSource(microphone, new EchoReference(clock: _clock), canceller) { Companion = companion };

        await source.DisposeAsync();

        microphone.Disposed.ShouldBeTrue();
        canceller.Disposed.ShouldBeTrue();
        companion.Disposed.ShouldBeTrue();
    }

    private sealed class Flag : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A canceller that passes audio through and reports a divergence on every call.</summary>
    private sealed class DivergingCanceller : IEchoCanceller
    {
        private int _resets;

        public bool Disposed { get; private set; }

        public int LatencySamples => 0;

        public string? UnavailableReason => null;

        public bool IsAligned => true;

        public double? DelayMilliseconds => 0;

        public double DriftPpm => 0;

        public event EventHandler<EchoDivergenceEventArgs>? Diverged;

        public void Process(ReadOnlySpan<float> capture, ReadOnlySpan<float> reference, Span<float> output)
        {
            capture.CopyTo(output);
            Diverged?.Invoke(this, new EchoDivergenceEventArgs(0, ++_resets, 6));
        }

        public void Reset()
        {
        }

        public void Dispose() => Disposed = true;
    }
}
