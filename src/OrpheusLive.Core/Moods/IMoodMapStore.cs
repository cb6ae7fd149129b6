namespace OrpheusLive.Core.Moods;

/// <summary>Loads, validates and atomically saves the mood mapping, and tells listeners when it changes.</summary>
public interface IMoodMapStore
{
    /// <summary>The current (valid) mapping.</summary>
    MoodMap Current { get; }

    /// <summary>Emits every new mapping after it was saved or reloaded (not the initial one).</summary>
    IObservable<MoodMap> Changes { get; }

    /// <summary>Where edits are saved.</summary>
    string UserFilePath { get; }

    /// <summary>
    /// Where <see cref="SaveAsync"/> keeps a user file it replaces that was not valid (<c>moods.json.bak</c> beside it):
    /// the one backup of a mapping the app could not use.
    /// </summary>
    string BackupFilePath => UserFilePath + ".bak";

    /// <summary>What a mood may list as music (the installed players' rules); editors validate edits with these.</summary>
    MoodTargetRules Targets { get; }

    /// <summary>
    /// Validates and saves <paramref name="map"/> atomically (never a half-written file), then makes it current.
    /// </summary>
    /// <exception cref="MoodMapException">The map is invalid (the message names the bad entry) or could not be written (the old file is kept).</exception>
    Task SaveAsync(MoodMap map, CancellationToken cancellationToken);
}
