namespace OrpheusLive.Core.Playback;

/// <summary>
/// The user's analysed music library as the built-in player sees it (issue #11): the tracks of a mood, picked one at a
/// time. Implemented by the library (<c>OrpheusLive.Library</c>); the player only knows this interface.
/// </summary>
public interface IMoodTracks
{
    /// <summary>True when the library holds at least one playable track of <paramref name="mood"/>.</summary>
    bool HasTracks(string mood);

    /// <summary>
    /// The next track (a file path) to play for <paramref name="mood"/>, recorded as played; null when the mood has no
    /// playable track. The order is the implementation's (the library's: nearest to the mood's point first, shuffled,
    /// never one of the last few played). With <paramref name="aim"/>, nearest to that point instead of the mood's.
    /// </summary>
    string? Next(string mood, Moods.AffectPoint? aim = null);
}
