namespace OrpheusLive.Core.Playback;

/// <summary>Plays music for a mood: Spotify, the built-in local player, or the console printer.</summary>
public interface IPlayer : IAsyncDisposable
{
    /// <summary>Short name shown to the user ("spotify", "local", "console").</summary>
    string Name { get; }

    /// <summary>What is playing now, or null.</summary>
    NowPlaying? Current { get; }

    /// <summary>
    /// Starts music for <paramref name="request"/> (one of its targets). Must not restart what is already playing
    /// for the same mood. Returns what was started. Never throws for expected failures (no device, 429, ...):
    /// those come back as <see cref="PlaybackResult.Failed"/> with a user-facing message.
    /// </summary>
    Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken);

    /// <summary>Pauses playback.</summary>
    Task PauseAsync(CancellationToken cancellationToken);

    /// <summary>Resumes playback.</summary>
    Task ResumeAsync(CancellationToken cancellationToken);

    /// <summary>Skips to the next track.</summary>
    Task SkipAsync(CancellationToken cancellationToken);
}
