using System.Net;
using System.Text.Json;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Library;
using OrpheusLive.Library.Tests;

namespace OrpheusLive.Api.Tests;

/// <summary>The library endpoints over real HTTP on loopback and a real, scanned SQLite library of generated WAVs.</summary>
public sealed class TrackEndpointTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-api-lib-").FullName;

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

    private async Task<MusicLibrary> ScannedLibraryAsync()
    {
        var music = Directory.CreateDirectory(Path.Combine(_dir, "music")).FullName;
        new Synth { Seconds = 5, TempoBpm = 140 }.WriteWav(Path.Combine(music, "beat.wav"));
        new Synth { Seconds = 5, Drums = false, Gain = 0.2, Major = false }.WriteWav(Path.Combine(music, "pad.wav"));
        File.WriteAllText(Path.Combine(music, "words.mp3"), "not music");
        var library = MusicLibrary.Open(new LibraryOptions { Database = Database, Parallelism = 1, MaxClusters = 2 }, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], cancellationToken: Ct);
        return library;
    }

    [Fact]
    public async Task Tracks_are_listed_filtered_by_mood_and_served_one_by_one_with_their_features()
    {
        using var library = await ScannedLibraryAsync();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        var all = await (await api.Client.GetAsync("/api/tracks", Ct)).JsonAsync();
        var beat = all.GetProperty("tracks").EnumerateArray().Single(t => t.GetProperty("path").GetString()!.EndsWith("beat.wav", StringComparison.Ordinal));
        var mood = beat.GetProperty("mood").GetString()!;
        var byMood = await (await api.Client.GetAsync($"/api/tracks?mood={mood}", Ct)).JsonAsync();
        var one = await (await api.Client.GetAsync($"/api/tracks/{beat.GetProperty("id").GetInt64()}", Ct)).JsonAsync();
        using var missing = await api.Client.GetAsync("/api/tracks/999999", Ct);

        all.GetProperty("count").GetInt32().ShouldBe(3);
        all.GetProperty("tracks").EnumerateArray().Count(t => t.GetProperty("status").GetString() == "failed").ShouldBe(1);
        beat.TryGetProperty("features", out _).ShouldBeFalse("the list is light; features come with one track");
        beat.GetProperty("valence").GetDouble().ShouldBeInRange(-1, 1);
        beat.GetProperty("cluster").ValueKind.ShouldBe(JsonValueKind.Number);
        byMood.GetProperty("mood").GetString().ShouldBe(mood);
        byMood.GetProperty("tracks").EnumerateArray().ShouldAllBe(t => t.GetProperty("mood").GetString() == mood);
        one.GetProperty("id").GetInt64().ShouldBe(beat.GetProperty("id").GetInt64());
        one.GetProperty("arousal").GetDouble().ShouldBe(beat.GetProperty("arousal").GetDouble());
        one.GetProperty("features").GetProperty("tempo_bpm").GetDouble().ShouldBeGreaterThan(0);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.JsonAsync()).GetProperty("error").GetString()!.ShouldContain("999999");
    }

    [Fact]
    public async Task The_map_is_served_as_a_png_and_an_svg()
    {
        using var library = await ScannedLibraryAsync();
        await using var api = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(library));

        using var png = await api.Client.GetAsync("/api/library/map.png", Ct);
        using var svg = await api.Client.GetAsync("/api/library/map.svg", Ct);

        png.StatusCode.ShouldBe(HttpStatusCode.OK);
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await png.Content.ReadAsByteArrayAsync(Ct))[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync(Ct)).ShouldContain("<svg");
    }

    [Fact]
    public async Task An_empty_library_has_no_map_and_a_damaged_one_answers_503_naming_the_database()
    {
        using var empty = MusicLibrary.Open(new LibraryOptions { Database = Path.Combine(_dir, "empty.db") }, new AudioDecoder(AudioFormats.All()));
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);
        File.WriteAllBytes(Database, junk);
        var damaged = new Lazy<MusicLibrary>(() => MusicLibrary.Open(new LibraryOptions { Database = Database }, new AudioDecoder(AudioFormats.All())));
        await using var emptyApi = await TestApi.StartAsync(library: new Lazy<MusicLibrary>(empty));
        await using var damagedApi = await TestApi.StartAsync(library: damaged);

        using var noMap = await emptyApi.Client.GetAsync("/api/library/map.png", Ct);
        var none = await (await emptyApi.Client.GetAsync("/api/tracks", Ct)).JsonAsync();
        using var broken = await damagedApi.Client.GetAsync("/api/tracks", Ct);

        noMap.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await noMap.JsonAsync()).GetProperty("error").GetString()!.ShouldContain("library scan");
        none.GetProperty("count").GetInt32().ShouldBe(0);
        broken.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await broken.JsonAsync()).GetProperty("error").GetString()!.ShouldContain(Database);
        File.ReadAllBytes(Database).ShouldBe(junk);
    }
}
