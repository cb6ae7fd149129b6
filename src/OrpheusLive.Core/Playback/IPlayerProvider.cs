namespace OrpheusLive.Core.Playback;

/// <summary>One kind of player, registered in DI; the <see cref="IPlayerFactory"/> picks among them.</summary>
public interface IPlayerProvider
{
    /// <summary>The player's name ("spotify", "local", "console").</summary>
    string Name { get; }

    /// <summary>
    /// Whether the player can work on this machine now (Spotify: logged in and a client id configured; local: an audio
    /// output exists). Returns false with a plain-words reason otherwise.
    /// </summary>
    bool IsAvailable(out string? reason);

    /// <summary>Creates the player.</summary>
    IPlayer Create();
}
