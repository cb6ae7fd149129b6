using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Api.Contracts;
using OrpheusLive.Api.Scans;
using OrpheusLive.Library.Scanning;

namespace OrpheusLive.Api.Tests;

/// <summary>The progress throttle of an API scan, on a fake clock.</summary>
public sealed class LibraryScanRunTests
{
    [Fact]
    public void Progress_is_announced_at_most_every_quarter_second_and_the_end_always()
    {
        var time = new FakeTimeProvider();
        var announced = new List<LibraryScanResponse>();
        var run = new LibraryScanRun("scan1", ["/music"], time, announced.Add);

        for (var i = 1; i <= 10; i++) run.Report(new ScanProgress(i, 100, i * 4.0, "f.wav"));
        time.Advance(TimeSpan.FromMilliseconds(249));
        run.Report(new ScanProgress(11, 100, 44, "f.wav"));
        time.Advance(TimeSpan.FromMilliseconds(1));
        run.Report(new ScanProgress(12, 100, 48, "f.wav"));
        run.Report(new ScanProgress(13, 100, 52, "f.wav"));
        run.Finish(new ScanSummary { Analysed = 13, FilesFound = 13, AudioSeconds = 52, Seconds = 0.25 });

        announced.Select(a => a.AudioSeconds).ShouldBe([4.0, 48.0, 52.0]);
        announced.Select(a => a.Done).ShouldBe([false, false, true]);
        announced[^1].State.ShouldBe("done");
        announced[^1].Analysed.ShouldBe(13);
    }
}
