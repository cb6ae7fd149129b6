namespace OrpheusLive.Core.Playback;

/// <summary>
/// The target grammar of one kind of player: Spotify knows its URIs and links, the built-in player local folders and
/// files. Each player validates its own targets; the mapping store, the mapping editor and the HTTP API consult all of
/// them through <see cref="Moods.MoodTargetRules"/>, so the core knows no player's format.
/// </summary>
public interface ITargetValidator
{
    /// <summary>What this player's targets look like, for messages ("a Spotify URI, an open.spotify.com link").</summary>
    string Description { get; }

    /// <summary>
    /// Checks <paramref name="target"/> (trimmed, not empty). Returns null when it is none of this player's kinds (another
    /// player may take it), else the normalised target or why it is invalid.
    /// </summary>
    /// <param name="target">What the user typed or the mapping file holds.</param>
    /// <param name="mustExist">Also check that the target exists, where that can be checked here (local folders).</param>
    TargetCheck? Check(string target, bool mustExist);
}
