using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Tests;

public sealed class BoundedMemoryTests
{
    [Fact]
    public void An_hour_long_stream_is_analysed_with_no_more_memory_than_a_minute()
    {
        var analyzer = new TrackAnalyzer();
        var ct = TestContext.Current.CancellationToken;
        analyzer.Analyze(new Synth { Seconds = 10 }.Open(), "warm-up", ct);

        long Allocated(double seconds)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var features = analyzer.Analyze(new Synth { Seconds = seconds, Drums = false, Harmonics = 1 }.Open(), "long", ct);
            features.DurationSeconds.ShouldBe(seconds, 0.01);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var minute = Allocated(60);
        var hour = Allocated(3600);

        // per-track state only (histograms, result arrays): the hour allocates what the minute does, not 60 times more
        hour.ShouldBeLessThan(minute + 64 * 1024);
        hour.ShouldBeLessThan(1024 * 1024);
    }
}
