namespace OrpheusLive.Core.Pipeline.State;

/// <summary>How a user's "play this mood now" (<see cref="IPipelineControl.PlayMoodAsync"/>) went.</summary>
public enum MoodRequestStatus
{
    /// <summary>The mood's music plays now, chosen by the user (<see cref="PipelineState.MoodByUser"/>).</summary>
    Playing,

    /// <summary>The mood was valid and the player was asked, but it started nothing (the message says why; the state has the warning).</summary>
    PlayerFailed,

    /// <summary>The mapping knows no such mood; nothing changed.</summary>
    UnknownMood,

    /// <summary>The pipeline is not running (not started yet, ended or failed); nothing changed.</summary>
    NotRunning,
}
