namespace OrpheusLive.Core.Playback;

/// <summary>Creates players by name ("console", "local", "spotify", or "auto").</summary>
public interface IPlayerFactory
{
    /// <summary>Names of the players this build knows.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Creates the named player. "auto" picks Spotify when the user is logged in, else the built-in local player,
    /// else the console player; with Spotify, the next of them takes over when the Spotify login ends during the run.
    /// <paramref name="warning"/> explains a fallback in plain words.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown player name.</exception>
    IPlayer Create(string name, out string? warning);
}
