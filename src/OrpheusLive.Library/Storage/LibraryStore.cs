using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrpheusLive.Library.Analysis;

namespace OrpheusLive.Library.Storage;

/// <summary>
/// The library database: one SQLite file (WAL journal, so lists and the API read while a scan writes), schema version
/// in <c>PRAGMA user_version</c> with <see cref="Migrations"/>. A file that is not a library database, is corrupt, was
/// written by a newer version or stays locked is refused with a <see cref="LibraryStoreException"/> naming it — never
/// recreated over. Thread-safe: one connection, calls serialised.
/// </summary>
public sealed class LibraryStore : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private LibraryStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens (creating when absent) the library at <paramref name="path"/>, migrating it to the latest schema.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long to wait for another program's lock before giving up (5 s when null).</param>
    /// <exception cref="LibraryStoreException">Not a library, corrupt, newer, locked, or the folder cannot be written.</exception>
    public static LibraryStore Open(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LibraryStoreException($"The library database '{full}' cannot be created: {e.Message}", e);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? TimeSpan.FromSeconds(5)).TotalSeconds)),
        }.ToString());
        var store = new LibraryStore(connection, full);
        try
        {
            connection.Open();
            store.Initialise();
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Explain(full, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The entry of <paramref name="path"/>, or null when the library has not seen it.</summary>
    public FileEntry? GetFile(string path) => Locked(() =>
    {
        using var c = Command("SELECT path, track_id, size, mtime_ticks FROM files WHERE path = $p", ("$p", path));
        using var r = c.ExecuteReader();
        return r.Read() ? new FileEntry(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)) : null;
    });

    /// <summary>The track with <paramref name="id"/>, or null.</summary>
    public TrackRecord? GetTrack(long id) => Locked(() => QueryTracks("WHERE t.id = $id", ("$id", id)).FirstOrDefault());

    /// <summary>The track with content <paramref name="hash"/>, or null.</summary>
    public TrackRecord? FindByHash(string hash) => Locked(() => QueryTracks("WHERE t.hash = $h", ("$h", hash)).FirstOrDefault());

    /// <summary>Every track (of one mood when <paramref name="mood"/> is set), by id.</summary>
    public IReadOnlyList<TrackRecord> ListTracks(string? mood = null, TrackStatus? status = null) => Locked(() =>
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (mood is not null)
        {
            where.Add("t.mood = $mood COLLATE NOCASE");
            args.Add(("$mood", mood));
        }
        if (status is { } s)
        {
            where.Add("t.status = $status");
            args.Add(("$status", StatusText(s)));
        }
        return QueryTracks(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where), [.. args]);
    });

    /// <summary>Inserts or replaces (by hash) a track and links <paramref name="file"/> to it, in one transaction.</summary>
    /// <returns>The track's id.</returns>
    public long Save(TrackRecord track, FileEntry file) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction();
        using var upsert = Command("""
            INSERT INTO tracks (hash, status, error, error_kind, format, duration_s, tempo_bpm, valence, arousal, mood, features, analysed_at, analyser_version)
            VALUES ($hash, $status, $error, $kind, $format, $duration, $tempo, $valence, $arousal, $mood, $features, $at, $version)
            ON CONFLICT(hash) DO UPDATE SET status = excluded.status, error = excluded.error, error_kind = excluded.error_kind,
                format = excluded.format, duration_s = excluded.duration_s, tempo_bpm = excluded.tempo_bpm, valence = excluded.valence,
                arousal = excluded.arousal, mood = excluded.mood, features = excluded.features, analysed_at = excluded.analysed_at,
                analyser_version = excluded.analyser_version, cluster = NULL, map_x = NULL, map_y = NULL
            RETURNING id
            """,
            ("$hash", track.Hash), ("$status", StatusText(track.Status)), ("$error", track.Error), ("$kind", track.ErrorKind),
            ("$format", track.Format), ("$duration", track.DurationSeconds), ("$tempo", track.TempoBpm), ("$valence", track.Valence),
            ("$arousal", track.Arousal), ("$mood", track.Mood),
            ("$features", track.Features is null ? null : JsonSerializer.Serialize(track.Features, Json)),
            ("$at", track.AnalysedAt.ToString("O", CultureInfo.InvariantCulture)), ("$version", track.AnalyserVersion));
        upsert.Transaction = tx;
        var id = (long)upsert.ExecuteScalar()!;
        LinkUnlocked(file with { TrackId = id }, tx);
        tx.Commit();
        return id;
    });

    /// <summary>Records that <paramref name="file"/> holds the content of an existing track (a moved, renamed or copied file).</summary>
    public void Link(FileEntry file) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction();
        LinkUnlocked(file, tx);
        tx.Commit();
        return 0;
    });

    /// <summary>Forgets one path; a track left with no path is forgotten too. Returns false when the path was unknown.</summary>
    public bool Forget(string path) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction();
        using var delete = Command("DELETE FROM files WHERE path = $p", ("$p", path));
        delete.Transaction = tx;
        var removed = delete.ExecuteNonQuery() > 0;
        DeleteOrphansUnlocked(tx);
        tx.Commit();
        return removed;
    });

    /// <summary>Forgets every path that no longer exists on disk, and tracks left without a path. Returns the paths removed.</summary>
    public IReadOnlyList<string> Prune() => Locked(() =>
    {
        var gone = new List<string>();
        using (var c = Command("SELECT path FROM files"))
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
            {
                var p = r.GetString(0);
                if (!File.Exists(p)) gone.Add(p);
            }
        }
        using var tx = _connection.BeginTransaction();
        foreach (var p in gone)
        {
            using var delete = Command("DELETE FROM files WHERE path = $p", ("$p", p));
            delete.Transaction = tx;
            delete.ExecuteNonQuery();
        }
        DeleteOrphansUnlocked(tx);
        tx.Commit();
        return gone;
    });

    /// <summary>Records that a scan walked <paramref name="folders"/> (full paths) at <paramref name="at"/>.</summary>
    public void RememberFolders(IReadOnlyList<string> folders, DateTimeOffset at) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction();
        foreach (var folder in folders)
        {
            using var upsert = Command("INSERT INTO folders (path, scanned_at) VALUES ($p, $at) ON CONFLICT(path) DO UPDATE SET scanned_at = excluded.scanned_at",
                ("$p", folder), ("$at", at.ToString("O", CultureInfo.InvariantCulture)));
            upsert.Transaction = tx;
            upsert.ExecuteNonQuery();
        }

        tx.Commit();
        return 0;
    });

    /// <summary>Every folder a scan walked (full paths, sorted), whether or not it still exists.</summary>
    public IReadOnlyList<string> Folders() => Locked(() =>
    {
        var folders = new List<string>();
        using var c = Command("SELECT path FROM folders ORDER BY path");
        using var r = c.ExecuteReader();
        while (r.Read())
        {
            folders.Add(r.GetString(0));
        }

        return (IReadOnlyList<string>)folders;
    });

    /// <summary>Stores a clustering: each track's cluster and map position, and the summary.</summary>
    public void SaveClustering(IReadOnlyList<(long TrackId, int Cluster, double X, double Y)> assignments, ClusteringInfo info) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction();
        using (var clear = Command("UPDATE tracks SET cluster = NULL, map_x = NULL, map_y = NULL"))
        {
            clear.Transaction = tx;
            clear.ExecuteNonQuery();
        }
        foreach (var (id, cluster, x, y) in assignments)
        {
            using var set = Command("UPDATE tracks SET cluster = $c, map_x = $x, map_y = $y WHERE id = $id", ("$c", cluster), ("$x", x), ("$y", y), ("$id", id));
            set.Transaction = tx;
            set.ExecuteNonQuery();
        }
        using (var summary = Command("INSERT OR REPLACE INTO clustering (id, k, silhouette, tracks, clustered_at) VALUES (1, $k, $s, $n, $at)",
                   ("$k", info.K), ("$s", info.Silhouette), ("$n", info.Tracks), ("$at", info.ClusteredAt.ToString("O", CultureInfo.InvariantCulture))))
        {
            summary.Transaction = tx;
            summary.ExecuteNonQuery();
        }
        tx.Commit();
        return 0;
    });

    /// <summary>The last clustering, or null before the first.</summary>
    public ClusteringInfo? Clustering => Locked(() =>
    {
        using var c = Command("SELECT k, silhouette, tracks, clustered_at FROM clustering WHERE id = 1");
        using var r = c.ExecuteReader();
        return r.Read()
            ? new ClusteringInfo(r.GetInt32(0), r.IsDBNull(1) ? null : r.GetDouble(1), r.GetInt32(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture))
            : null;
    });

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private void Initialise()
    {
        using (var check = Command("PRAGMA quick_check"))
        {
            var result = check.ExecuteScalar() as string;
            if (result != "ok") throw new LibraryStoreException($"The library database '{Path}' is damaged (SQLite: {result}); it was left untouched. Move it away to start a new library, or restore a backup.");
        }
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > Migrations.Latest)
            throw new LibraryStoreException($"The library database '{Path}' has schema version {version}, written by a newer OrpheusLive (this one knows up to {Migrations.Latest}); it was left untouched.");
        if (version == 0 && Convert.ToInt64(Scalar("SELECT count(*) FROM sqlite_master"), CultureInfo.InvariantCulture) > 0)
            throw new LibraryStoreException($"'{Path}' is an SQLite database of another program, not a music library; it was left untouched. Set Library:Database to another file.");

        Scalar("PRAGMA journal_mode = WAL");
        Scalar("PRAGMA foreign_keys = ON");
        for (var v = version; v < Migrations.Latest; v++)
        {
            using var tx = _connection.BeginTransaction();
            using (var migrate = Command(Migrations.All[v]))
            {
                migrate.Transaction = tx;
                migrate.ExecuteNonQuery();
            }
            using (var bump = Command($"PRAGMA user_version = {v + 1}"))
            {
                bump.Transaction = tx;
                bump.ExecuteNonQuery();
            }
            tx.Commit();
        }
        SchemaVersion = Migrations.Latest;
    }

    private void LinkUnlocked(FileEntry file, SqliteTransaction tx)
    {
        using var link = Command("""
            INSERT INTO files (path, track_id, size, mtime_ticks) VALUES ($p, $t, $s, $m)
            ON CONFLICT(path) DO UPDATE SET track_id = excluded.track_id, size = excluded.size, mtime_ticks = excluded.mtime_ticks
            """, ("$p", file.Path), ("$t", file.TrackId), ("$s", file.Size), ("$m", file.ModifiedTicks));
        link.Transaction = tx;
        link.ExecuteNonQuery();
        DeleteOrphansUnlocked(tx);
    }

    private void DeleteOrphansUnlocked(SqliteTransaction tx)
    {
        using var orphans = Command("DELETE FROM tracks WHERE id NOT IN (SELECT track_id FROM files)");
        orphans.Transaction = tx;
        orphans.ExecuteNonQuery();
    }

    private List<TrackRecord> QueryTracks(string where, params (string Name, object? Value)[] args)
    {
        var tracks = new List<TrackRecord>();
        using (var c = Command($"""
            SELECT t.id, t.hash, t.status, t.error, t.error_kind, t.format, t.duration_s, t.tempo_bpm, t.valence, t.arousal, t.mood,
                   t.cluster, t.map_x, t.map_y, t.features, t.analysed_at, t.analyser_version
            FROM tracks t {where} ORDER BY t.id
            """, args))
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
            {
                tracks.Add(new TrackRecord
                {
                    Id = r.GetInt64(0),
                    Hash = r.GetString(1),
                    Status = r.GetString(2) == "analysed" ? TrackStatus.Analysed : TrackStatus.Failed,
                    Error = NullableString(r, 3),
                    ErrorKind = NullableString(r, 4),
                    Format = NullableString(r, 5),
                    DurationSeconds = NullableDouble(r, 6),
                    TempoBpm = NullableDouble(r, 7),
                    Valence = NullableDouble(r, 8),
                    Arousal = NullableDouble(r, 9),
                    Mood = NullableString(r, 10),
                    Cluster = r.IsDBNull(11) ? null : r.GetInt32(11),
                    MapX = NullableDouble(r, 12),
                    MapY = NullableDouble(r, 13),
                    Features = r.IsDBNull(14) ? null : JsonSerializer.Deserialize<TrackFeatures>(r.GetString(14), Json),
                    AnalysedAt = DateTimeOffset.Parse(r.GetString(15), CultureInfo.InvariantCulture),
                    AnalyserVersion = r.GetInt32(16),
                });
            }
        }
        if (tracks.Count == 0) return tracks;

        var paths = new Dictionary<long, List<string>>();
        using (var c = Command(tracks.Count == 1 ? "SELECT track_id, path FROM files WHERE track_id = $id ORDER BY path" : "SELECT track_id, path FROM files ORDER BY path",
                   tracks.Count == 1 ? [("$id", tracks[0].Id)] : []))
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetInt64(0);
                if (!paths.TryGetValue(id, out var list)) paths[id] = list = [];
                list.Add(r.GetString(1));
            }
        }
        return [.. tracks.Select(t => t with { Paths = paths.TryGetValue(t.Id, out var p) ? p : [] })];
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static double? NullableDouble(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static string StatusText(TrackStatus s) => s == TrackStatus.Analysed ? "analysed" : "failed";

    private object? Scalar(string sql)
    {
        using var c = Command(sql);
        return c.ExecuteScalar();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var c = _connection.CreateCommand();
        c.CommandText = sql;
        foreach (var (name, value) in args) c.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return c;
    }

    private T Locked<T>(Func<T> action)
    {
        lock (_gate)
        {
            try
            {
                return action();
            }
            catch (SqliteException e)
            {
                throw Explain(Path, e);
            }
        }
    }

    private static LibraryStoreException Explain(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        26 => new($"'{path}' is not a library database (SQLite: file is not a database); it was left untouched. Move it away or set Library:Database to another file.", e),
        11 => new($"The library database '{path}' is damaged (SQLite: {e.Message}); it was left untouched. Move it away to start a new library, or restore a backup.", e),
        5 or 6 => new($"The library database '{path}' is locked by another program; close it and try again.", e),
        8 or 14 or 23 => new($"The library database '{path}' cannot be opened for writing ({e.Message}); check its permissions.", e),
        _ => new($"The library database '{path}' failed: {e.Message}", e),
    };
}
