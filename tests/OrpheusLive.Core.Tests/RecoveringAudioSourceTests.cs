using OrpheusLive.Core.Audio;

namespace OrpheusLive.Core.Tests;

public sealed class RecoveringAudioSourceTests
{
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

    [Fact]
    public async Task A_lost_microphone_gives_silence_until_it_is_back_and_both_are_reported_once()
    {
        var first = new FlakyMicrophone(0.5f, goodReads: 2);
        var opens = new Queue<Func<IAudioSource>>([
            () => throw new AudioSourceException("no such device"), // still unplugged at the first retry
            () => new FlakyMicrophone(0.5f, goodReads: 0),            // plugged in but fails again at once
            () => new FlakyMicrophone(0.25f, goodReads: 1000),        // back for good
        ]);
        var reports = new List<(string Message, string? Resolves)>();
        var opened = 0;
        await using var source = new RecoveringAudioSource(
            () => opened++ == 0 ? first : opens.Dequeue()(),
            (m, r) => reports.Add((m, r)),
            TimeSpan.FromMilliseconds(5));
        var buffer = new float[160];
        var values = new List<float>();

        for (var i = 0; i < 400 && !(values.Count > 0 && values[^1] == 0.25f); i++)
        {
            var n = await source.ReadAsync(buffer, CancellationToken.None);
            n.ShouldBeGreaterThan(0);
            values.Add(buffer[0]);
            if (buffer[0] == 0f)
            {
                await Task.Delay(2, TestContext.Current.CancellationToken);
            }
        }

        values.Take(2).ShouldAllBe(v => v == 0.5f);
        values[2].ShouldBe(0f); // silence while the device is away
        values[^1].ShouldBe(0.25f); // the reopened device
        first.Disposed.ShouldBeTrue();
        opens.ShouldBeEmpty();
        reports.Count.ShouldBe(2);
        reports[0].Message.ShouldContain("Microphone lost: device unplugged.");
        reports[0].Resolves.ShouldBeNull();
        reports[1].Message.ShouldContain("Microphone is back");
        reports[1].Resolves.ShouldBe(reports[0].Message);
        source.IsRecovering.ShouldBeFalse();
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

    [Fact]
    public async Task A_microphone_that_stops_delivering_counts_as_lost()
    {
        var reports = new List<string>();
        await using var source = new RecoveringAudioSource(
            () => new StallingMicrophone(), (m, _) => reports.Add(m), TimeSpan.FromMinutes(1), stallTimeout: TimeSpan.FromMilliseconds(50));
        var buffer = new float[160];

        (await source.ReadAsync(buffer, CancellationToken.None)).ShouldBe(160);
        buffer[0].ShouldBe(0.5f);
        (await source.ReadAsync(buffer, CancellationToken.None)).ShouldBeGreaterThan(0);
        buffer[0].ShouldBe(0f);

        source.IsRecovering.ShouldBeTrue();
        reports.Single().ShouldContain("no audio for");
    }

    [Fact]
    public async Task A_microphone_that_never_worked_is_an_error_not_a_silent_wait()
    {
        await using var source = new RecoveringAudioSource(
            () => new FlakyMicrophone(0.5f, goodReads: 0), (_, _) => { }, TimeSpan.FromSeconds(1));

        var e = await Should.ThrowAsync<AudioSourceException>(async () => await source.ReadAsync(new float[16], CancellationToken.None));
        e.Message.ShouldContain("unplugged");
    }
}
