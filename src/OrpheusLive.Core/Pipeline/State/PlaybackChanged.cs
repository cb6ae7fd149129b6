namespace OrpheusLive.Core.Pipeline.State;

/// <summary>The player's state after a command (play, pause, resume, skip) (a reducer input; not on the event stream).</summary>
/// <param name="T">Audio time.</param>
/// <param name="Playback">The player, its device and what it plays now.</param>
public sealed record PlaybackChanged(double T, PlaybackState Playback) : PipelineEvent(T);
