using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Picks the first usable local target of a play request (a folder or a file; Spotify and other URIs are skipped)
/// and lists the audio files in it that can be played: WAV always, compressed formats only when a decoder is installed.
/// A <c>library:&lt;mood&gt;</c> target plays the music library's tracks of that mood, picked one by one by
/// <paramref name="library"/>; a mood whose targets give no local music uses the library when it has tracks of the mood.
/// </summary>
internal sealed class MusicFolderScanner(string? musicRoot, ExternalDecoders decoders, ILogger logger, IMoodTracks? library = null)
{
    // Picks in a row that may be unplayable (a compressed file without a decoder, a file gone) before giving up.
    private const int MaxUnplayablePicks = 20;

    private readonly HashSet<string> _warnedFolders = new(StringComparer.Ordinal);

    public MusicSelection Select(string mood, IReadOnlyList<string> targets, AffectPoint? aim = null)
    {
        var problems = new List<string>();
        var sawUri = false;
        foreach (var raw in targets)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var target = raw.Trim();
            if (LibraryTarget.TryParse(target, out var libraryMood))
            {
                if (FromLibrary(libraryMood, aim) is { } picked) return picked;
                problems.Add(library is null ? $"'{target}': the music library is not available" : $"the library has no playable track of mood '{libraryMood}' (run `orpheus library scan DIR`)");
                continue;
            }

            if (TryLocalPath(target, out var path) is false)
            {
                sawUri = true;
                continue;
            }

            var full = ResolvePath(path);
            if (Directory.Exists(full))
            {
                var files = ListPlayable(full);
                if (files.Count > 0) return MusicSelection.Found(target, files);
                problems.Add($"the folder '{target}' has no playable audio files (WAV{(decoders.Available.Length > 0 ? $", or formats {decoders.Available} can decode" : "; install ffmpeg or sox for mp3/ogg/flac")})");
            }
            else if (File.Exists(full))
            {
                if (IsPlayable(full)) return MusicSelection.Found(target, [full]);
                problems.Add($"'{target}' is not a playable audio file");
            }
            else
            {
                problems.Add($"'{target}' does not exist");
            }
        }

        // By default a mood with no local music uses the library when it has tracks of the mood.
        if (FromLibrary(mood, aim) is { } fallback) return fallback;
        if (problems.Count > 0) return MusicSelection.NotFound($"No local music for mood '{mood}': {string.Join("; ", problems)}.");
        return MusicSelection.NotFound(sawUri
            ? $"No local music for mood '{mood}': its targets are only Spotify/online links. Add a local folder of WAV files to the mood map to use the built-in player."
            : $"No local music for mood '{mood}': the mood map lists no folder or file for it.");
    }

    // The first playable pick of the library's tracks of the mood, and how to pick the next ones; null when none.
    private MusicSelection? FromLibrary(string mood, AffectPoint? aim)
    {
        if (library is null || string.IsNullOrEmpty(mood) || !library.HasTracks(mood)) return null;
        var first = NextPlayable(mood, aim);
        return first is null ? null : MusicSelection.FromLibrary(first, () => NextPlayable(mood, aim));
    }

    private string? NextPlayable(string mood, AffectPoint? aim)
    {
        for (var i = 0; i < MaxUnplayablePicks; i++)
        {
            var file = library!.Next(mood, aim);
            if (file is null) return null;
            if (File.Exists(file) && IsPlayable(file)) return file;
            logger.LogDebug("Skipping library track {File}: missing or no decoder installed", file);
        }
        return null;
    }

    private static bool TryLocalPath(string target, out string path) => LocalTargetPaths.TryLocalPath(target, out path);

    private string ResolvePath(string path) => LocalTargetPaths.Resolve(path, musicRoot, out _);

    private List<string> ListPlayable(string folder)
    {
        var playable = new List<string>();
        var skipped = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                var ext = Path.GetExtension(file);
                if (ext.Equals(".wav", StringComparison.OrdinalIgnoreCase) || ext.Equals(".wave", StringComparison.OrdinalIgnoreCase))
                    playable.Add(file);
                else if (ExternalDecoders.CompressedExtensions.Contains(ext))
                {
                    if (decoders.CanDecode(ext)) playable.Add(file);
                    else skipped++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Cannot list the music folder {Folder}: {Reason}", folder, e.Message);
        }

        if (skipped > 0 && _warnedFolders.Add(folder))
            logger.LogWarning("Skipping {Count} compressed audio file(s) in {Folder}: no decoder installed (install ffmpeg, or sox for flac/ogg)", skipped, folder);
        playable.Sort(StringComparer.Ordinal);
        return playable;
    }

    private bool IsPlayable(string file)
    {
        var ext = Path.GetExtension(file);
        return ext.Equals(".wav", StringComparison.OrdinalIgnoreCase) || ext.Equals(".wave", StringComparison.OrdinalIgnoreCase)
               || (ExternalDecoders.CompressedExtensions.Contains(ext) && decoders.CanDecode(ext));
    }
}
