using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Library;
using OrpheusLive.Library.Tests;

namespace OrpheusLive.Api.Tests;

/// <summary>An API scan's progress on <c>/api/events</c>, over real HTTP and a real SQLite library of generated WAVs.</summary>
public sealed class LibraryScanEventTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-api-scan-sse-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_scan_reports_progress_and_its_end_as_library_scan_events()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        new Synth { Seconds = 4, TempoBpm = 130 }.WriteWav(Path.Combine(music, "beat.wav"));
        new Synth { Seconds = 4, Drums = false, Gain = 0.2 }.WriteWav(Path.Combine(music, "pad.wav"));
        File.WriteAllText(Path.Combine(music, "words.mp3"), "not music");
        using var library = MusicLibrary.Open(new LibraryOptions { Database = Path.Combine(_dir, "library.db"), Parallelism = 1, MaxClusters = 2 },
            new AudioDecoder(AudioFormats.All()));
        await using var api = await TestApi.StartAsync(
            pipeline: store => new LivePipeline(store, new ListenOptions(), new DebounceOptions(), NullLogger.Instance),
            library: new Lazy<MusicLibrary>(library));
        using var response = await api.Client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("connected");

        using var started = await api.Client.PostAsJsonAsync("/api/library/scan", new { folders = new[] { music } }, Ct);
        var messages = await events.ReadUntilAsync(
            m => m.Event == "library-scan" && JsonDocument.Parse(m.Data!).RootElement.GetProperty("done").GetBoolean(), TimeSpan.FromMinutes(1));

        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var scans = messages.Where(m => m.Event == "library-scan").Select(m => JsonDocument.Parse(m.Data!).RootElement).ToList();
        scans.ShouldAllBe(s => s.GetProperty("total").GetInt32() == 3);
        scans.Select(s => s.GetProperty("analysed").GetInt32() + s.GetProperty("failed").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        var last = scans[^1];
        last.GetProperty("state").GetString().ShouldBe("done");
        last.GetProperty("analysed").GetInt32().ShouldBe(2);
        last.GetProperty("cached").GetInt32().ShouldBe(0);
        last.GetProperty("failed").GetInt32().ShouldBe(1);
        last.GetProperty("seconds").GetDouble().ShouldBeGreaterThan(0);
        messages.Where(m => m.Event == "library-scan").Select(m => m.Id!.Value).ShouldBeInOrder(SortDirection.Ascending);
    }
}
