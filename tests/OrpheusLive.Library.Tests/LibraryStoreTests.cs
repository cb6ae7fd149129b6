using Microsoft.Data.Sqlite;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Library.Tests;

public sealed class LibraryStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static object? Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void A_new_library_is_created_at_the_latest_schema_in_WAL_mode()
    {
        var path = _dir.File("new/library.db");
        using (var store = LibraryStore.Open(path)) store.SchemaVersion.ShouldBe(Migrations.Latest);

        Convert.ToInt32(Scalar(path, "PRAGMA user_version")).ShouldBe(Migrations.Latest);
        Scalar(path, "PRAGMA journal_mode").ShouldBe("wal");
    }

    [Fact]
    public void A_version_1_library_is_upgraded_to_the_latest_schema_keeping_its_tracks()
    {
        var path = _dir.File("v1.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var command = c.CreateCommand();
            command.CommandText = Migrations.All[0] + """
                ;PRAGMA user_version = 1;
                INSERT INTO tracks (id, hash, status, duration_s, valence, arousal, mood, analysed_at, analyser_version)
                VALUES (7, 'abc', 'analysed', 180.5, 0.3, -0.2, 'chill', '2026-01-01T00:00:00.0000000+00:00', 1);
                INSERT INTO files (path, track_id, size, mtime_ticks) VALUES ('/music/a.ogg', 7, 1000, 42);
                """;
            command.ExecuteNonQuery();
        }

        using var store = LibraryStore.Open(path);
        var track = store.GetTrack(7)!;

        store.SchemaVersion.ShouldBe(Migrations.Latest);
        track.Mood.ShouldBe("chill");
        track.DurationSeconds.ShouldBe(180.5);
        track.Paths.ShouldBe(["/music/a.ogg"]);
        track.MapX.ShouldBeNull();
        store.Clustering.ShouldBeNull();
        store.Folders().ShouldBeEmpty("a library from before v3 remembers no folders: a rescan walks those of its files");
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_naming_it_and_left_untouched()
    {
        var path = _dir.File("library.db");
        var bytes = System.Text.Encoding.UTF8.GetBytes(new string('x', 5000) + "my precious notes");
        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<LibraryStoreException>(() => LibraryStore.Open(path));

        e.Message.ShouldContain(path);
        e.Message.ShouldContain("not a library database");
        File.ReadAllBytes(path).ShouldBe(bytes);
    }

    [Fact]
    public void A_damaged_database_is_refused_and_not_recreated()
    {
        var path = _dir.File("library.db");
        using (var store = LibraryStore.Open(path))
        {
            for (var i = 0; i < 200; i++)
                store.Save(new TrackRecord { Hash = $"h{i}", Status = TrackStatus.Failed, Error = new string('e', 200), AnalysedAt = DateTimeOffset.UnixEpoch, AnalyserVersion = 1 },
                    new FileEntry($"/m/{i}.ogg", 0, i, i));
        }
        Scalar(path, "PRAGMA wal_checkpoint(TRUNCATE)");
        var bytes = File.ReadAllBytes(path);
        for (var i = 4096 * 2; i < 4096 * 4; i++) bytes[i] = 0x5A; // wreck pages 3 and 4
        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<LibraryStoreException>(() => LibraryStore.Open(path));

        e.Message.ShouldContain(path);
        e.Message.ShouldContain("damaged");
        File.ReadAllBytes(path).ShouldBe(bytes);
    }

    [Fact]
    public void A_database_of_another_program_is_refused()
    {
        var path = _dir.File("other.db");
        Scalar(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");

        Should.Throw<LibraryStoreException>(() => LibraryStore.Open(path)).Message.ShouldContain("another program");
        Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'tracks'").ShouldBe(0L);
    }

    [Fact]
    public void A_database_from_a_newer_version_is_refused()
    {
        var path = _dir.File("newer.db");
        using (LibraryStore.Open(path))
        {
        }
        Scalar(path, "PRAGMA user_version = 99");

        Should.Throw<LibraryStoreException>(() => LibraryStore.Open(path)).Message.ShouldContain("newer");
    }

    [Fact]
    public void A_database_locked_by_another_program_is_reported_as_locked()
    {
        var path = _dir.File("locked.db");
        using (LibraryStore.Open(path))
        {
        }
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using (var command = other.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO clustering VALUES (1, 2, 0.5, 3, 'x');";
            command.ExecuteNonQuery();
        }

        var e = Should.Throw<LibraryStoreException>(() => LibraryStore.Open(path, TimeSpan.FromSeconds(1)));

        e.Message.ShouldContain(path);
        e.Message.ShouldContain("locked");
    }

    [Fact]
    public void Forgetting_a_content_s_last_path_forgets_the_track_and_prune_drops_vanished_files()
    {
        using var store = LibraryStore.Open(_dir.File("library.db"));
        var kept = _dir.File("kept.ogg");
        File.WriteAllText(kept, "x");
        var track = new TrackRecord { Hash = "h", Status = TrackStatus.Analysed, Mood = "chill", AnalysedAt = DateTimeOffset.UnixEpoch, AnalyserVersion = 1 };
        var id = store.Save(track, new FileEntry(kept, 0, 1, 1));
        store.Link(new FileEntry(_dir.File("gone.ogg"), id, 1, 1));
        store.Save(track with { Hash = "other" }, new FileEntry(_dir.File("forget-me.ogg"), 0, 1, 1));

        store.Forget(_dir.File("forget-me.ogg")).ShouldBeTrue();
        store.Prune().ShouldBe([_dir.File("gone.ogg")]);

        store.ListTracks().Single().Paths.ShouldBe([kept]);
        store.Forget(_dir.File("never-seen.ogg")).ShouldBeFalse();
    }
}
