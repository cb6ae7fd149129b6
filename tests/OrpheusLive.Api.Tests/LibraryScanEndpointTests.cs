using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Api.Scans;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Library;
using OrpheusLive.Library.Storage;
using OrpheusLive.Library.Tests;

namespace OrpheusLive.Api.Tests;

/// <summary><c>POST</c>/<c>GET /api/library/scan</c> over real HTTP on loopback, a real SQLite library and generated WAVs.</summary>
public sealed class LibraryScanEndpointTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-api-scan-").FullName;

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

    private string Database => Path.Combine(_dir, "library.db");

    private MusicLibrary OpenLibrary() =>
        MusicLibrary.Open(new LibraryOptions { Database = Database, Parallelism = 1, MaxClusters = 2 }, new AudioDecoder(AudioFormats.All()));

    private string Music(int beats = 1)
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        for (var i = 0; i < beats; i++)
        {
            new Synth { Seconds = 4, TempoBpm = 120 + (10 * i) }.WriteWav(Path.Combine(music, $"beat{i}.wav"));
        }

        new Synth { Seconds = 4, Drums = false, Gain = 0.2, Major = false }.WriteWav(Path.Combine(music, "pad.wav"));
        File.WriteAllText(Path.Combine(music, "words.mp3"), "not music");
        return music;
    }

    private static Task<HttpResponseMessage> PostScanAsync(HttpClient client, params string[] folders) =>
        client.PostAsJsonAsync("/api/library/scan", new { folders }, Ct);

    /// <summary>Polls the status endpoint until the scan is done (a minute at most).</summary>
    private static async Task<JsonElement> WaitUntilDoneAsync(HttpClient client)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var response = await client.GetAsync("/api/library/scan", timeout.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var scan = await response.JsonAsync();
            if (scan.GetProperty("done").GetBoolean()) return scan;
            await Task.Delay(20, timeout.Token); // pacing the poll only; nothing is asserted on time
        }
    }

    [Fact]
    public async Task A_scan_started_over_the_api_runs_in_the_background_and_its_status_ends_with_the_counts()
    {
        var music = Music();
        using var library = OpenLibrary();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));
        using var before = await api.Client.GetAsync("/api/library/scan", Ct);

        using var started = await PostScanAsync(api.Client, music);
        var accepted = await started.JsonAsync();
        var done = await WaitUntilDoneAsync(api.Client);
        var tracks = await (await api.Client.GetAsync("/api/tracks", Ct)).JsonAsync();

        before.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await before.ErrorAsync()).ShouldContain("POST /api/library/scan");
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        started.Headers.Location!.ToString().ShouldBe("/api/library/scan");
        done.GetProperty("id").GetString().ShouldBe(accepted.GetProperty("id").GetString());
        done.GetProperty("state").GetString().ShouldBe("done");
        done.GetProperty("total").GetInt32().ShouldBe(3);
        done.GetProperty("analysed").GetInt32().ShouldBe(2);
        done.GetProperty("failed").GetInt32().ShouldBe(1);
        done.GetProperty("cached").GetInt32().ShouldBe(0);
        done.GetProperty("audio_seconds").GetDouble().ShouldBe(8, tolerance: 0.1);
        done.GetProperty("folders").EnumerateArray().Single().GetString().ShouldBe(music);
        tracks.GetProperty("count").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task A_second_scan_of_an_unchanged_folder_is_served_from_the_cache()
    {
        var music = Music();
        using var library = OpenLibrary();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        (await PostScanAsync(api.Client, music)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var first = await WaitUntilDoneAsync(api.Client);
        (await PostScanAsync(api.Client, music)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var second = await WaitUntilDoneAsync(api.Client);

        second.GetProperty("id").GetString().ShouldNotBe(first.GetProperty("id").GetString());
        second.GetProperty("analysed").GetInt32().ShouldBe(0);
        (second.GetProperty("cached").GetInt32() + second.GetProperty("failed").GetInt32()).ShouldBe(3);
    }

    [Theory]
    [InlineData("{}", "'folders' is missing")]
    [InlineData("""{"folders":[]}""", "'folders' is empty")]
    [InlineData("""{"folders":[""]}""", "'folders[0]' is empty")]
    [InlineData("""{"folders":["music"]}""", "'folders[0]' (music) is not an absolute path")]
    [InlineData("""{"folders":"/tmp"}""", "not a JSON object with 'folders'")]
    [InlineData("not json", "not a JSON object with 'folders'")]
    public async Task A_bad_body_gets_400_with_one_line_naming_the_field(string body, string expected)
    {
        using var library = OpenLibrary();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        using var response = await api.Client.PostAsync("/api/library/scan", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await response.ErrorAsync();
        error.ShouldContain(expected);
        error.ShouldNotContain("\n");
        library.List().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_gets_400_naming_its_index_and_path()
    {
        var music = Music();
        var missing = Path.Combine(_dir, "nowhere");
        using var library = OpenLibrary();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        using var response = await PostScanAsync(api.Client, music, missing);
        using var status = await api.Client.GetAsync("/api/library/scan", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ErrorAsync()).ShouldBe($"'folders[1]' ({missing}) does not exist or is not a folder.");
        status.StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing was started");
    }

    [Fact]
    public async Task A_scan_while_another_holds_the_library_gets_409_saying_the_library_is_busy()
    {
        var music = Music();
        using var library = OpenLibrary();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        HttpResponseMessage busy;
        using (ScanLock.Acquire(Database)) // what `orpheus library scan` holds while it runs
        {
            busy = await PostScanAsync(api.Client, music);
        }

        using var afterwards = await PostScanAsync(api.Client, music);
        var done = await WaitUntilDoneAsync(api.Client);

        busy.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await busy.ErrorAsync()).ShouldContain("The library is busy");
        busy.Dispose();
        afterwards.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        done.GetProperty("state").GetString().ShouldBe("done");
    }

    [Fact]
    public async Task A_server_without_a_library_answers_503()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await PostScanAsync(api.Client, _dir);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ErrorAsync()).ShouldContain("no music library");
    }

    [Fact]
    public async Task Stopping_the_server_stops_the_scan_releases_the_library_and_the_next_scan_resumes()
    {
        var music = Music(beats: 6);
        using var library = OpenLibrary();
        LibraryScans scans;
        await using (var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library)))
        {
            scans = api.App.Services.GetRequiredService<LibraryScans>();
            (await PostScanAsync(api.Client, music)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var stopped = scans.Current!;
        using (ScanLock.Acquire(Database))
        {
            // the stopped scan let go of the library
        }

        await using var restarted = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));
        (await PostScanAsync(restarted.Client, music)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var resumed = await WaitUntilDoneAsync(restarted.Client);

        stopped.Done.ShouldBeTrue();
        stopped.State.ShouldBeOneOf("cancelled", "done");
        (stopped.Analysed + resumed.GetProperty("analysed").GetInt32()).ShouldBe(7, "what the stopped scan finished is not analysed again");
        resumed.GetProperty("cached").GetInt32().ShouldBe(stopped.Analysed);
        resumed.GetProperty("state").GetString().ShouldBe("done");
    }
}
