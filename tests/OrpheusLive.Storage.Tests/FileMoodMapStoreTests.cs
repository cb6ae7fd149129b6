using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.Storage.Tests;

public sealed class FileMoodMapStoreTests : IDisposable
{
    private const string ValidJson = """
        { "emotions": { "happy": "upbeat", "sad": "comforting" },
          "moods": { "upbeat": ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"], "comforting": ["music/sad"] } }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-moods-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string DefaultFile => Path.Combine(_dir, "default.json");

    private string UserFile => Path.Combine(_dir, "user", "moods.json");

    private FileMoodMapStore NewStore()
    {
        File.WriteAllText(DefaultFile, ValidJson);
        return new FileMoodMapStore(new MoodMapOptions { DefaultFile = DefaultFile, UserFile = UserFile }, AcceptAllTargets.Rules,
            NullLogger<FileMoodMapStore>.Instance, watch: false);
    }

    [Fact]
    public async Task Save_writes_the_user_file_atomically_and_publishes_the_change()
    {
        using var store = NewStore();
        var published = new List<MoodMap>();
        using var _ = store.Changes.Subscribe(published.Add);
        var edited = store.Current with { Emotions = new Dictionary<string, string>(store.Current.Emotions) { ["happy"] = "comforting" } };

        await store.SaveAsync(edited, CancellationToken.None);

        store.Current.MoodFor("happy").ShouldBe("comforting");
        published.Single().MoodFor("happy").ShouldBe("comforting");
        MoodMapSerializer.Parse(File.ReadAllText(UserFile), UserFile, AcceptAllTargets.Rules).MoodFor("happy").ShouldBe("comforting");
        Directory.GetFiles(Path.GetDirectoryName(UserFile)!).ShouldBe(new[] { UserFile }); // no temp files left behind
    }

    [Fact]
    public async Task An_invalid_map_is_not_saved_and_the_old_file_stays()
    {
        using var store = NewStore();
        await store.SaveAsync(store.Current, CancellationToken.None);
        var before = File.ReadAllText(UserFile);
        var broken = store.Current with { Emotions = new Dictionary<string, string> { ["happy"] = "nowhere" } };

        var e = await Should.ThrowAsync<MoodMapException>(() => store.SaveAsync(broken, CancellationToken.None));

        e.Message.ShouldContain("nowhere");
        File.ReadAllText(UserFile).ShouldBe(before);
        store.Current.MoodFor("happy").ShouldBe("upbeat");
    }

    [Fact]
    public async Task A_failed_write_keeps_the_old_file_and_says_so()
    {
        using var store = NewStore();
        await store.SaveAsync(store.Current, CancellationToken.None);
        var before = File.ReadAllText(UserFile);
        // Make the rename target impossible: replace the file by a directory of the same name.
        File.Delete(UserFile);
        Directory.CreateDirectory(UserFile);

        var e = await Should.ThrowAsync<MoodMapException>(() => store.SaveAsync(store.Current, CancellationToken.None));

        e.Message.ShouldContain("previous mapping file is unchanged");
        Directory.Exists(UserFile).ShouldBeTrue();
        Directory.GetFiles(Path.GetDirectoryName(UserFile)!).ShouldBeEmpty();
        before.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_broken_user_file_falls_back_to_the_default_with_a_warning()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);
        File.WriteAllText(UserFile, "{ not json");

        using var store = NewStore();

        store.Current.MoodFor("happy").ShouldBe("upbeat");
        store.LoadWarning.ShouldNotBeNull().ShouldContain("not valid JSON");
        File.ReadAllText(UserFile).ShouldBe("{ not json"); // the user's file is never overwritten behind their back
    }

    [Fact]
    public void External_edits_are_reloaded_and_invalid_ones_keep_the_previous_mapping()
    {
        using var store = NewStore();
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);

        File.WriteAllText(UserFile, ValidJson.Replace("\"happy\": \"upbeat\"", "\"happy\": \"comforting\"", StringComparison.Ordinal));
        store.ReloadFromDisk().ShouldBeNull();
        store.Current.MoodFor("happy").ShouldBe("comforting");

        File.WriteAllText(UserFile, ValidJson.Replace("\"sad\"", "\"saad\"", StringComparison.Ordinal));
        store.ReloadFromDisk().ShouldNotBeNull().ShouldContain("unknown emotion 'saad'");
        store.Current.MoodFor("happy").ShouldBe("comforting");
    }

    [Fact]
    public void A_missing_default_file_is_a_clear_error()
    {
        var e = Should.Throw<MoodMapException>(() => new FileMoodMapStore(
            new MoodMapOptions { DefaultFile = Path.Combine(_dir, "nope.json"), UserFile = UserFile }, AcceptAllTargets.Rules,
            NullLogger<FileMoodMapStore>.Instance, watch: false));
        e.Message.ShouldContain("not found");
    }

    [Fact]
    public async Task Saving_over_an_invalid_user_file_keeps_it_as_a_backup_first()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);
        File.WriteAllText(UserFile, "{ \"emotions\": { \"happy\": \"upbeat\" }, oops");
        using var store = NewStore();
        store.LoadWarning.ShouldNotBeNull();

        await store.SaveAsync(store.Current, CancellationToken.None);

        File.ReadAllText(store.BackupFilePath).ShouldBe("{ \"emotions\": { \"happy\": \"upbeat\" }, oops");
        store.BackupFilePath.ShouldBe(UserFile + ".bak");
        MoodMapSerializer.Parse(File.ReadAllText(UserFile), UserFile, AcceptAllTargets.Rules).MoodFor("happy").ShouldBe("upbeat");
        store.LoadWarning.ShouldBeNull();
    }

    [Fact]
    public async Task A_file_that_became_invalid_after_loading_is_backed_up_too()
    {
        using var store = NewStore();
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);
        File.WriteAllText(UserFile, ValidJson.Replace("music/sad", "bad:target", StringComparison.Ordinal)); // edited by hand since

        await store.SaveAsync(store.Current, CancellationToken.None);

        File.ReadAllText(store.BackupFilePath).ShouldContain("bad:target");
    }

    [Fact]
    public async Task Saving_over_a_valid_user_file_makes_no_backup()
    {
        using var store = NewStore();
        Directory.CreateDirectory(Path.GetDirectoryName(UserFile)!);
        File.WriteAllText(UserFile, ValidJson);

        await store.SaveAsync(store.Current with { Emotions = new Dictionary<string, string> { ["happy"] = "comforting" } }, CancellationToken.None);

        File.Exists(store.BackupFilePath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_user_file_that_cannot_be_read_is_never_replaced()
    {
        using var store = NewStore();
        Directory.CreateDirectory(UserFile); // something is there, but it cannot be read as a file (not even by root)
        File.WriteAllText(Path.Combine(UserFile, "inside.txt"), "mine");

        var e = await Should.ThrowAsync<MoodMapException>(() => store.SaveAsync(store.Current, CancellationToken.None));

        e.Message.ShouldContain("cannot be read");
        e.Message.ShouldContain("so it is not replaced");
        File.ReadAllText(Path.Combine(UserFile, "inside.txt")).ShouldBe("mine");
        File.Exists(store.BackupFilePath).ShouldBeFalse();
    }
}
