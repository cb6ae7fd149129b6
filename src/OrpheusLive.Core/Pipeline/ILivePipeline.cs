using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// The running listen pipeline as seen by front ends (terminal UI, HTTP API): a hot stream of events,
/// the latest state, and the few controls a user has.
/// </summary>
public interface ILivePipeline
{
    /// <summary>Window, decision and status events as they happen (hot; late subscribers miss earlier ones).</summary>
    IObservable<PipelineEvent> Events { get; }

    /// <summary>The state after the latest event.</summary>
    LiveSnapshot Snapshot { get; }

    /// <summary>The active player.</summary>
    IPlayer Player { get; }

    /// <summary>Stops analysing audio (the music keeps its current state) until <see cref="Resume"/>.</summary>
    void Pause();

    /// <summary>Resumes analysing audio.</summary>
    void Resume();
}
