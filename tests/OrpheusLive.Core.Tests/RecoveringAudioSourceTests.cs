using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Core.Tests;

/// <summary>Retries, the stall timeout and the silence in between all run on a <see cref="FakeTimeProvider"/>: no wall-clock waits.</summary>
public sealed class RecoveringAudioSourceTests
{
    private readonly FakeTimeProvider _time = new();

    /// <summary>A live source that delivers a constant value a number of times, then fails like an unplugged device.</summary>
    private sealed class FlakyMicrophone(float value, int goodReads) : IAudioSource
    {
        private int _reads;

        public string Description => "flaky";

        public bool IsLive => true;

        public bool Disposed { get; private set; }

        public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
        {
            if (_reads++ >= goodReads)
            {
                throw new AudioSourceException("device unplugged.");
            }

            buffer.Span.Fill(value);
            return ValueTask.FromResult(buffer.Length);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Delivers audio once, then never again (a stream moved to a silent fallback source).</summary>
    private sealed class StallingMicrophone : IAudioSource
    {
        private bool _delivered;

        public string Description => "stalling";

        public bool IsLive => true;

        public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
        {
            if (!_delivered)
            {
                _delivered = true;
                buffer.Span.Fill(0.5f);
                return buffer.Length;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>One read; while it waits (silence is delivered in real time) fake time moves on a second at a time.</summary>
    private async Task<int> ReadAsync(IAudioSource source, float[] buffer)
    {
        var read = source.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask();
        for (var i = 0; i < 10 && !read.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        return await read.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_lost_microphone_gives_silence_until_it_is_back_and_both_are_reported_once()
    {
        var first = new FlakyMicrophone(0.5f, goodReads: 2);
        var opens = new Queue<Func<IAudioSource>>([
            () => throw new AudioSourceException("no such device"), // still unplugged at the first retry
            () => new FlakyMicrophone(0.5f, goodReads: 0),            // plugged in but fails again at once
            () => new FlakyMicrophone(0.25f, goodReads: 1000),        // back for good
        ]);
        var reports = new List<(string Message, bool Recovered, DateTimeOffset At)>();
        var opened = 0;
        var start = _time.GetUtcNow();
        await using var source = new RecoveringAudioSource(
            () => opened++ == 0 ? first : opens.Dequeue()(),
            (m, recovered) => reports.Add((m, recovered, _time.GetUtcNow())),
            TimeSpan.FromSeconds(2),
            time: _time);
        var buffer = new float[160];
        var values = new List<float>();

        for (var i = 0; i < 50 && !(values.Count > 0 && values[^1] == 0.25f); i++)
        {
            (await ReadAsync(source, buffer)).ShouldBeGreaterThan(0);
            values.Add(buffer[0]);
        }

        values.Take(2).ShouldAllBe(v => v == 0.5f);
        values[2].ShouldBe(0f); // silence while the device is away
        values[^1].ShouldBe(0.25f); // the reopened device
        first.Disposed.ShouldBeTrue();
        opens.ShouldBeEmpty();
        reports.Count.ShouldBe(2);
        reports[0].Message.ShouldContain("Microphone lost: device unplugged. Retrying every 2 s");
        reports[0].Recovered.ShouldBeFalse();
        reports[1].Message.ShouldContain("Microphone is back");
        reports[1].Recovered.ShouldBeTrue();
        (reports[1].At - start).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(6), "three tries, 2 s apart on the source's clock");
        source.IsRecovering.ShouldBeFalse();
    }

    [Fact]
    public async Task A_microphone_that_stops_delivering_counts_as_lost_after_the_stall_timeout_on_its_clock()
    {
        var reports = new List<string>();
        await using var source = new RecoveringAudioSource(
            () => new StallingMicrophone(), (m, _) => reports.Add(m), TimeSpan.FromMinutes(1), stallTimeout: TimeSpan.FromSeconds(6), time: _time);
        var buffer = new float[160];
        (await source.ReadAsync(buffer, TestContext.Current.CancellationToken)).ShouldBe(160);
        buffer[0].ShouldBe(0.5f);

        var stalled = source.ReadAsync(buffer, TestContext.Current.CancellationToken).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5.9));
        await Task.Yield();
        stalled.IsCompleted.ShouldBeFalse("5.9 s without audio is not a loss yet");
        reports.ShouldBeEmpty();
        _time.Advance(TimeSpan.FromSeconds(0.1));
        // The silence that follows is paced on the same clock: keep it moving (at most 20 s of it, well inside the 1 min
        // retry interval) until the read returns. The short real delay only lets the source's continuation run on a
        // loaded thread pool; no outcome depends on how long it takes.
        for (var i = 0; i < 200 && !stalled.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        (await stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        buffer[0].ShouldBe(0f);
        source.IsRecovering.ShouldBeTrue();
        reports.Single().ShouldContain("no audio for 6 s");
    }

    [Fact]
    public async Task A_microphone_that_never_worked_is_an_error_not_a_silent_wait()
    {
        await using var source = new RecoveringAudioSource(
            () => new FlakyMicrophone(0.5f, goodReads: 0), (_, _) => { }, TimeSpan.FromSeconds(1), time: _time);

        var e = await Should.ThrowAsync<AudioSourceException>(async () => await source.ReadAsync(new float[16], CancellationToken.None));
        e.Message.ShouldContain("unplugged");
    }
}
