namespace OrpheusLive.Core.Pipeline.State;

/// <summary>Where the pipeline is in its life.</summary>
public enum PipelineStatus
{
    /// <summary>Configured, input not yet read.</summary>
    Starting,

    /// <summary>Reading and analysing audio.</summary>
    Listening,

    /// <summary>Listening is paused by the user: audio (a file, too) is not analysed and the music does not change.</summary>
    Paused,

    /// <summary>The input ended (files); the state stays readable.</summary>
    Ended,

    /// <summary>The pipeline stopped on an error; <see cref="PipelineState.Error"/> says why.</summary>
    Failed,
}
