using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Commands.Tui;
using OrpheusLive.Library;
using OrpheusLive.Library.Tests;

namespace OrpheusLive.IntegrationTests.Library;

/// <summary>The dashboard's library view reads the real SQLite library through <see cref="MusicLibraryCatalog"/>.</summary>
public sealed class MusicLibraryCatalogTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private LibraryOptions Settings => new() { Database = _dir.File("library.db"), Parallelism = 1, MaxClusters = 2 };

    [Fact]
    public async Task A_scanned_library_lists_its_tracks_by_file_name_with_mood_tempo_valence_and_arousal()
    {
        var music = Directory.CreateDirectory(_dir.File("music")).FullName;
        new Synth { Seconds = 5, TempoBpm = 140 }.WriteWav(Path.Combine(music, "beat.wav"));
        File.WriteAllText(Path.Combine(music, "words.mp3"), "not music");
        using var library = MusicLibrary.Open(Settings, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], cancellationToken: Ct);
        var catalog = new MusicLibraryCatalog(new Lazy<MusicLibrary>(library), Microsoft.Extensions.Options.Options.Create(Settings));

        var tracks = await catalog.ListAsync(Ct);

        tracks.Select(t => t.Name).Order().ShouldBe(["beat.wav", "words.mp3"]);
        var beat = tracks.Single(t => t.Name == "beat.wav");
        beat.Mood.ShouldNotBeNullOrEmpty();
        beat.TempoBpm.ShouldNotBeNull();
        beat.Valence!.Value.ShouldBeInRange(-1, 1);
        beat.Arousal!.Value.ShouldBeInRange(-1, 1);
        tracks.Single(t => t.Name == "words.mp3").Mood.ShouldBeNull("a file that failed has no mood");
    }

    [Fact]
    public async Task A_library_never_scanned_is_empty_and_no_database_is_created_for_it()
    {
        var opened = false;
        var catalog = new MusicLibraryCatalog(new Lazy<MusicLibrary>(() =>
        {
            opened = true;
            return MusicLibrary.Open(Settings, new AudioDecoder(AudioFormats.All()));
        }), Microsoft.Extensions.Options.Options.Create(Settings));

        (await catalog.ListAsync(Ct)).ShouldBeEmpty();

        opened.ShouldBeFalse();
        File.Exists(Settings.Database).ShouldBeFalse();
    }
}
