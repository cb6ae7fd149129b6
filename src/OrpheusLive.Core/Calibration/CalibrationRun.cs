using System.Diagnostics;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// Personal calibration for one run of the live pipeline: the per-window step (already started from the listener's
/// profile by the host), the profile's name for the state, and where to hand snapshots of what was learnt so the host
/// can save them (the core does no I/O). Windows are calibrated on the pipeline's window thread; <see cref="Snapshot"/>
/// and <see cref="Replace"/> may be called from any thread (the dashboard's enrolment reads and replaces the profile
/// of the running pipeline).
/// </summary>
/// <param name="step">The calibration step (its session already started).</param>
/// <param name="profile">The profile's name (<c>--profile NAME</c>), shown in the state.</param>
/// <param name="checkpoint">Receives a snapshot of the profile every <see cref="CheckpointSeconds"/> of audio while
/// it adapts; must return quickly (queue the save). Null: no checkpoints (the host saves at the end).</param>
public sealed class CalibrationRun(PersonalCalibration step, string profile, Action<SpeakerProfile>? checkpoint = null)
{
    private readonly Lock _gate = new();
    private double _lastCheckpoint;
    private float[] _adapted = [];

    /// <summary>Audio seconds between checkpoints (a crash loses at most this much adaptation).</summary>
    public double CheckpointSeconds { get; init; } = 120;

    /// <summary>The calibration step.</summary>
    public PersonalCalibration Step { get; } = step ?? throw new ArgumentNullException(nameof(step));

    /// <summary>The profile's name.</summary>
    public string Profile { get; } = profile ?? throw new ArgumentNullException(nameof(profile));

    /// <summary>What the state shows now.</summary>
    public CalibrationState State()
    {
        lock (_gate)
        {
            var a = Step.Adaptation;
            return new CalibrationState(Step.Enabled, Profile, a.Gate, a.Weight, a.Strength, a.EnrolledClips, Step.VoiceChanges);
        }
    }

    /// <summary>
    /// The live pipeline's hook: <paramref name="result"/> (a speech window, its model output
    /// <paramref name="probabilities"/>, <paramref name="window"/> its audio) with the calibrated emotion, confidence and
    /// scores, the calibration state, and the step's time added to its latency.
    /// </summary>
    /// <param name="result">The analysed speech window.</param>
    /// <param name="window">Its audio (16 kHz mono), for the voice-change check.</param>
    /// <param name="probabilities">The model's probabilities for it (model order).</param>
    /// <param name="labels">The model's labels.</param>
    /// <param name="weight">The new speech the window adds, in windows (hop / window).</param>
    public WindowEvent Calibrate(WindowEvent result, ReadOnlySpan<float> window, ReadOnlySpan<float> probabilities, IReadOnlyList<string> labels, double weight)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        var start = Stopwatch.GetTimestamp();
        if (_adapted.Length != labels.Count)
        {
            _adapted = new float[labels.Count];
        }

        Process(window, probabilities, _adapted, weight, result.T);
        var scores = new KeyValuePair<string, float>[labels.Count];
        var top = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            scores[i] = new(labels[i], _adapted[i]);
            if (_adapted[i] > _adapted[top])
            {
                top = i;
            }
        }

        return result with
        {
            Emotion = labels[top],
            Confidence = _adapted[top],
            Scores = scores,
            LatencyMs = result.LatencyMs + Stopwatch.GetElapsedTime(start).TotalMilliseconds,
            Calibration = State(),
        };
    }

    /// <summary>
    /// Calibrates one speech window ending at audio time <paramref name="t"/> (see <see cref="PersonalCalibration.Process"/>)
    /// and hands a profile snapshot to the checkpoint when one is due.
    /// </summary>
    public void Process(ReadOnlySpan<float> window, ReadOnlySpan<float> probabilities, Span<float> adapted, double weight, double t)
    {
        lock (_gate)
        {
            Step.Process(window, probabilities, adapted, weight);
            if (checkpoint is null || !Step.Enabled || t - _lastCheckpoint < CheckpointSeconds)
            {
                return;
            }

            // Handed over under the lock: a host that numbers its saves numbers this one before any later Replace.
            _lastCheckpoint = t;
            checkpoint(Step.Adaptation.Profile);
        }
    }

    /// <summary>A snapshot of what this run has learnt so far (thread-safe).</summary>
    public SpeakerProfile Snapshot()
    {
        lock (_gate)
        {
            return Step.Adaptation.Profile;
        }
    }

    /// <summary>
    /// Continues this run from <paramref name="profile"/> as it is (an enrolment made while the pipeline ran, started
    /// from <see cref="Snapshot"/>): the next window is calibrated with it. Thread-safe.
    /// </summary>
    /// <exception cref="CalibrationProfileException">The profile does not fit the model; nothing changes.</exception>
    public void Replace(SpeakerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            Step.Adaptation.Load(profile);
        }
    }
}
