namespace OrpheusLive.Library.Storage;

/// <summary>
/// The library's schema, as the ordered migrations that build it. <c>PRAGMA user_version</c> holds how many have run;
/// opening a database runs the missing ones, each in its own transaction. Add a migration, never edit a shipped one.
/// </summary>
internal static class Migrations
{
    /// <summary>Migration i (1-based) brings the schema from version i − 1 to i.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        // v1: tracks keyed by content hash; every path a content was seen at, with the size and mtime of the fast path.
        """
        CREATE TABLE tracks (
            id INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL CHECK (status IN ('analysed', 'failed')),
            error TEXT,
            error_kind TEXT,
            format TEXT,
            duration_s REAL,
            tempo_bpm REAL,
            valence REAL,
            arousal REAL,
            mood TEXT,
            cluster INTEGER,
            features TEXT,
            analysed_at TEXT NOT NULL,
            analyser_version INTEGER NOT NULL
        );
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            track_id INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
            size INTEGER NOT NULL,
            mtime_ticks INTEGER NOT NULL
        );
        CREATE INDEX files_track ON files(track_id);
        """,
        // v2: the map (PCA coordinates), an index for listing by mood, and what the last clustering found.
        """
        ALTER TABLE tracks ADD COLUMN map_x REAL;
        ALTER TABLE tracks ADD COLUMN map_y REAL;
        CREATE INDEX tracks_mood ON tracks(mood);
        CREATE TABLE clustering (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            k INTEGER NOT NULL,
            silhouette REAL,
            tracks INTEGER NOT NULL,
            clustered_at TEXT NOT NULL
        );
        """,
        // v3: the folders scans were asked to walk, so a rescan also finds files in a folder no track was in yet.
        """
        CREATE TABLE folders (
            path TEXT PRIMARY KEY,
            scanned_at TEXT NOT NULL
        );
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All.Count;
}
