using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OrpheusLive.Library.Cli;
using OrpheusLive.Library.Scanning;

namespace OrpheusLive.Library.Tests;

public sealed class LibraryConsoleTests
{
    [Fact]
    public void The_progress_bar_shows_files_audio_and_speed_and_is_redrawn_at_most_ten_times_a_second()
    {
        var time = new FakeTimeProvider();
        var screen = new StringWriter();
        var bar = new ScanProgressBar(screen, time, 120);

        bar.Report(new ScanProgress(1, 4, 200, "/music/a.ogg"));
        time.Advance(TimeSpan.FromMilliseconds(50));
        bar.Report(new ScanProgress(2, 4, 400, "/music/b.ogg")); // too soon: not drawn
        time.Advance(TimeSpan.FromSeconds(10));
        bar.Report(new ScanProgress(3, 4, 600, "/music/c.ogg"));
        var drawn = screen.ToString();
        bar.Finish();

        drawn.Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ShouldBe([
            "[#####···············] 1/4 · 3 min of audio · a.ogg",
            "[###############·····] 3/4 · 10 min of audio · 60× · c.ogg",
        ]);
        screen.ToString().ShouldEndWith("\r");
    }

    [Fact]
    public void The_progress_bar_never_exceeds_the_terminal_width()
    {
        var line = ScanProgressBar.Format(new ScanProgress(1, 2, 5, "/m/" + new string('x', 200) + ".ogg"), TimeSpan.FromSeconds(2), 60);

        line.Length.ShouldBe(60);
        line.ShouldEndWith("…");
    }

    [Fact]
    public void Scan_lines_have_every_key_of_the_issue_s_shapes_with_null_for_what_is_unknown()
    {
        var failed = LibraryJsonLines.Track(new ScanResult { Path = "/m/x.ogg", Status = ScanStatus.Failed, Error = "'x.ogg' is cut off.", ErrorKind = "Truncated" });
        var summary = LibraryJsonLines.Summary(new ScanSummary { Analysed = 2, Cached = 3, Failed = 1, Seconds = 2, AudioSeconds = 120 });

        var t = JsonDocument.Parse(failed).RootElement;
        t.GetProperty("type").GetString().ShouldBe("track");
        t.GetProperty("status").GetString().ShouldBe("failed");
        t.GetProperty("error").GetString().ShouldBe("'x.ogg' is cut off.");
        foreach (var key in new[] { "duration_s", "tempo_bpm", "valence", "arousal", "mood" }) t.GetProperty(key).ValueKind.ShouldBe(JsonValueKind.Null, key);
        var s = JsonDocument.Parse(summary).RootElement;
        (s.GetProperty("type").GetString(), s.GetProperty("analysed").GetInt32(), s.GetProperty("cached").GetInt32(), s.GetProperty("failed").GetInt32())
            .ShouldBe(("summary", 2, 3, 1));
        (s.GetProperty("seconds").GetDouble(), s.GetProperty("audio_seconds").GetDouble(), s.GetProperty("speed_x").GetDouble()).ShouldBe((2, 120, 60));
    }

    [Fact]
    public void Every_bad_library_setting_is_one_line_naming_it()
    {
        var options = new LibraryOptions { Database = "", Parallelism = -1, NoRepeat = -2, Analysis = new Analysis.AnalyzerOptions { MaxChannels = 0 } };

        var problems = options.Problems().ToList();

        problems.Count.ShouldBe(4);
        problems.ShouldContain(p => p.StartsWith("Library:Database", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Library:Parallelism", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Library:NoRepeat", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Library:Analysis:MaxChannels", StringComparison.Ordinal));
        new LibraryOptions { Database = "x.db" }.Problems().ShouldBeEmpty();
    }
}
