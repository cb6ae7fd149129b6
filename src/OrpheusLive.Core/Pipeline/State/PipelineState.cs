namespace OrpheusLive.Core.Pipeline.State;

/// <summary>
/// Everything the running pipeline knows, as one immutable value: the one state the dashboard, <c>listen --json</c>,
/// the HTTP API, its event stream and the media-key (MPRIS) adapter all read. A new value is produced by every
/// pipeline event (window, decision, status, control) by a pure reducer; nothing else holds a second copy of any of
/// these facts (there is one "listening paused" and one "music paused").
/// </summary>
/// <param name="Status">Where the pipeline is in its life (starting, listening, paused, ended, failed).</param>
/// <param name="Input">The audio input as shown to the user ("PulseAudio: default source", "demo.wav").</param>
/// <param name="InputIsLive">True for a microphone, false for a file.</param>
/// <param name="T">Audio time of the latest event, in seconds since the start of the input.</param>
/// <param name="LastWindow">The most recent analysed window (speech or not), or null before the first.</param>
/// <param name="LastSpeechWindow">The most recent window that held speech, or null.</param>
/// <param name="Emotion">The stable (debounced) emotion, or null while nothing is known yet (show "listening…", never "neutral 0 %").</param>
/// <param name="Belief">The debouncer's smoothed belief per label, in model order (empty before the first speech window).</param>
/// <param name="Pending">A change the debouncer or the dwell is holding back, with the time left, or null.</param>
/// <param name="Affect">The listener's valence and arousal, or null before the first speech window.</param>
/// <param name="Mood">The mood the music was last set to, or null.</param>
/// <param name="Playback">The player, its device and what it plays.</param>
/// <param name="Latency">Per-window processing time over the recent windows.</param>
/// <param name="Timeline">Recent music decisions, oldest first (bounded: <see cref="TimelineCapacity"/>).</param>
/// <param name="Warnings">Active warnings and errors, by id (one entry per id).</param>
/// <param name="Error">Why the pipeline stopped, when <see cref="Status"/> is <see cref="PipelineStatus.Failed"/>.</param>
/// <param name="Version">Increases with every new state; lets a UI skip redraws of a state it has drawn.</param>
public sealed record PipelineState(
    PipelineStatus Status,
    string Input,
    bool InputIsLive,
    double T,
    WindowEvent? LastWindow,
    WindowEvent? LastSpeechWindow,
    StableEmotion? Emotion,
    IReadOnlyList<KeyValuePair<string, float>> Belief,
    PendingChange? Pending,
    ListenerAffect? Affect,
    string? Mood,
    PlaybackState Playback,
    LatencySummary Latency,
    IReadOnlyList<DecisionEvent> Timeline,
    IReadOnlyList<PipelineWarning> Warnings,
    string? Error,
    long Version)
{
    /// <summary>Whether and how far personal calibration has adapted to the listener, or null when it is not part of the run.</summary>
    public CalibrationState? Calibration { get; init; }

    /// <summary>
    /// True while <see cref="Mood"/> was chosen by the user ("play this mood now"), until the listener's next decision
    /// takes over; false when the listener's voice chose it (or nothing plays yet).
    /// </summary>
    public bool MoodByUser { get; init; }

    /// <summary>How many decisions <see cref="Timeline"/> keeps.</summary>
    public const int TimelineCapacity = 40;

    /// <summary>The state before anything happened.</summary>
    public static PipelineState Initial { get; } = new(
        PipelineStatus.Starting, "", false, 0, null, null, null, [], null, null, null,
        PlaybackState.None, LatencySummary.Empty, [], [], null, 0);
}
