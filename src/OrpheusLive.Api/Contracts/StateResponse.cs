using System.Text.Json;

namespace OrpheusLive.Api.Contracts;

/// <summary>The live state (<c>GET /api/state</c>): the pipeline's one <c>PipelineState</c>, in the API's JSON.</summary>
/// <param name="Session">"none" when the server does not listen (start it with <c>--listen</c>), else "live".</param>
/// <param name="Listening">True while audio is being analysed (status "listening").</param>
/// <param name="Input">The audio input, or null without a session.</param>
/// <param name="Emotion">The stable (debounced) emotion, or null while nothing is known yet.</param>
/// <param name="Mood">The current mood, or null.</param>
/// <param name="Confidence">Smoothed confidence of <paramref name="Emotion"/> (0 without one).</param>
/// <param name="Player">The player's name, or null without a session.</param>
/// <param name="Playing">What is playing, or null.</param>
/// <param name="LastWindow">The latest window, as on the event stream, or null.</param>
/// <param name="Warnings">Active warnings' messages (details with ids in <see cref="WarningDetails"/>).</param>
public sealed record StateResponse(
    string Session,
    bool Listening,
    string? Input,
    string? Emotion,
    string? Mood,
    double Confidence,
    string? Player,
    PlayingResponse? Playing,
    JsonElement? LastWindow,
    IReadOnlyList<string> Warnings)
{
    /// <summary>"none" without a session, else starting, listening, paused, ended or failed.</summary>
    public string Status { get; init; } = "none";

    /// <summary>Why the pipeline stopped, when <see cref="Status"/> is "failed".</summary>
    public string? Error { get; init; }

    /// <summary>Audio time of the latest event, in seconds.</summary>
    public double T { get; init; }

    /// <summary>True while <c>mood</c> was chosen by the user (<c>POST /api/play</c>, the library view), until the listener's next decision.</summary>
    public bool MoodByUser { get; init; }

    /// <summary>The debouncer's smoothed belief per label (empty before the first speech window).</summary>
    public IReadOnlyDictionary<string, double> Belief { get; init; } = new Dictionary<string, double>();

    /// <summary>A change that is wanted but held back, with the time left, or null.</summary>
    public PendingResponse? Pending { get; init; }

    /// <summary>The listener's valence and arousal, or null while unknown.</summary>
    public AffectResponse? Affect { get; init; }

    /// <summary>Per-window processing time over the recent speech windows.</summary>
    public LatencyResponse Latency { get; init; } = new(0, 0, 0);

    /// <summary>Recent music decisions, oldest first, as on the event stream.</summary>
    public IReadOnlyList<JsonElement> Timeline { get; init; } = [];

    /// <summary>Personal calibration: whether and how far it adapted to the listener (null without a session).</summary>
    public CalibrationResponse? Calibration { get; init; }

    /// <summary>Active warnings and errors with their ids (<see cref="Warnings"/> has just the messages).</summary>
    public IReadOnlyList<WarningResponse> WarningDetails { get; init; } = [];
}
