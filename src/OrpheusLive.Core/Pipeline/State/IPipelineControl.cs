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

    /// <summary>
    /// Plays <paramref name="mood"/> now, chosen by the user ("play this mood now" in the library view,
    /// <c>POST /api/play</c>), through the same player path a decision uses: it joins the timeline as a decision with
    /// <see cref="DecisionEvent.ByUser"/> set and <see cref="PipelineState.MoodByUser"/> says so until the listener's
    /// next decision. The voice keeps being debounced meanwhile; the listener's next <em>changed</em> stable mood (one
    /// that differs from the mood the listener's decisions last chose) takes over again once the pick has played for
    /// the minimum dwell (the pick restarts it, as a decision does), while the same mood heard on does not undo the
    /// user's choice. A mood picked while the music is paused plays at once (and a decision that was waiting for the
    /// resume is dropped); so is a decision made before the pick that still waits for a slow player.
    /// </summary>
    /// <param name="mood">A mood of the mapping (case-insensitive, trimmed).</param>
    /// <param name="cancellationToken">Stops waiting for the player.</param>
    /// <returns>What happened; an unknown mood or a pipeline that is not running changes nothing.</returns>
    Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken);

    /// <summary>
    /// Reports a condition an adapter around the pipeline found (the media keys have no session bus) to the user, like
    /// the pipeline's own: in <see cref="PipelineState.Warnings"/> by <paramref name="id"/> (warnings and errors, until an
    /// event names the id in <paramref name="resolves"/>) and on <see cref="Events"/>.
    /// </summary>
    /// <param name="id">What the condition is (<see cref="WarningIds"/>).</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">One plain-words line.</param>
    /// <param name="resolves">The id of a warning this report ends.</param>
    void Report(string id, StatusSeverity severity, string message, string? resolves = null);

    /// <summary>Removes the warning with <paramref name="id"/> from the state until it is reported again.</summary>
    void DismissWarning(string id);
}
