using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Commands.Tui;
using OrpheusLive.Library;
using OrpheusLive.Library.Tests;
using Shouldly;
using Xunit;

namespace OrpheusLive.IntegrationTests.Library;

/// <summary>The mapping editor's library catalog over a real scanned library (real files, a real SQLite database).</summary>
public sealed class MappingTargetCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task The_library_catalog_offers_each_analysed_mood_once_as_a_library_target_with_its_track_count()
    {
        var music = Directory.CreateDirectory(_dir.File("music")).FullName;
        new Synth { Seconds = 6, TempoBpm = 140 }.WriteWav(Path.Combine(music, "beat.wav"));
        new Synth { Seconds = 6, TempoBpm = 140, Seed = 9 }.WriteWav(Path.Combine(music, "beat2.wav"));
        new Synth { Seconds = 6, Drums = false, Gain = 0.2, Major = false }.WriteWav(Path.Combine(music, "pad.wav"));
        File.WriteAllText(Path.Combine(music, "notes.wav"), "not audio");
        using var library = MusicLibrary.Open(new LibraryOptions { Database = _dir.File("library.db") }, new AudioDecoder(AudioFormats.All()));
        await library.ScanAsync([music], null, null, TestContext.Current.CancellationToken);
        var analysed = library.List().Where(t => t.Mood is not null).ToList();

        var choices = await new LibraryMoodCatalog(Tracks(library, "library.db")).ListAsync(TestContext.Current.CancellationToken);

        choices.Select(c => c.Target).ShouldBe(
            analysed.Select(t => $"library:{t.Mood}").Distinct().Order(StringComparer.OrdinalIgnoreCase), "one target per analysed mood; the broken file adds none");
        foreach (var choice in choices)
        {
            var mood = choice.Target["library:".Length..];
            choice.Name.ShouldBe($"{mood} ({analysed.Count(t => t.Mood == mood)} tracks)");
        }
    }

    [Fact]
    public async Task An_empty_library_offers_nothing()
    {
        using var library = MusicLibrary.Open(new LibraryOptions { Database = _dir.File("empty.db") }, new AudioDecoder(AudioFormats.All()));

        (await new LibraryMoodCatalog(Tracks(library, "empty.db")).ListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The library as the app's catalog reads it (the one the dashboard's library view uses).</summary>
    private MusicLibraryCatalog Tracks(MusicLibrary library, string database) =>
        new(new Lazy<MusicLibrary>(library), Options.Create(new LibraryOptions { Database = _dir.File(database) }));
}
