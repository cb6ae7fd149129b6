namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// The running pipeline as front ends see it (dashboard, HTTP API, MPRIS media keys, <c>listen</c>): the one state,
/// its changes, and the controls a user has. Controls go through here, never past it to the player, so the state
/// always tells the truth about what was asked and what happened.
/// </summary>
public interface IPipelineControl
{
    /// <summary>The latest state.</summary>
    PipelineState Current { get; }

    /// <summary>Every new state, starting with the current one on subscription (replay of the latest).</summary>
    IObservable<PipelineState> States { get; }

    /// <summary>Window, decision and status events as they happen (hot; for line-per-event outputs such as <c>listen --json</c>).</summary>
    IObservable<PipelineEvent> Events { get; }

    /// <summary>Stops analysing audio (a file input pauses too); the music stays as it is.</summary>
    void PauseListening();

    /// <summary>Resumes analysing audio (never across the pause: the window starts afresh).</summary>
    void ResumeListening();

    /// <summary>Pauses the music (listening goes on, but no decision restarts the music while it is paused).</summary>
    Task PauseMusicAsync(CancellationToken cancellationToken);

    /// <summary>Resumes the music.</summary>
    Task ResumeMusicAsync(CancellationToken cancellationToken);

    /// <summary>Skips to the next track of the current mood.</summary>
    Task SkipAsync(CancellationToken cancellationToken);

    /// <summary>Removes the warning with <paramref name="id"/> from the state until it is reported again.</summary>
    void DismissWarning(string id);
}
