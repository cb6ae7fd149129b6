using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>Pipeline states for the tests, built the way the pipeline's reducer would fill them in.</summary>
public static class PipelineStates
{
    public static readonly string[] ModelLabels = ["neutral", "happy", "sad", "angry", "fearful", "surprised"];

    /// <summary>Listening to <paramref name="input"/>, nothing heard yet.</summary>
    public static PipelineState Listening(string input = "demo.wav") =>
        PipelineState.Initial with { Status = PipelineStatus.Listening, Input = input, Playback = new PlaybackState("local", "PulseAudio", null) };

    /// <summary>Probabilities over the model's labels with <paramref name="top"/> at <paramref name="confidence"/>.</summary>
    public static KeyValuePair<string, float>[] Scores(string top, float confidence)
    {
        var rest = (1 - confidence) / (ModelLabels.Length - 1);
        return [.. ModelLabels.Select(l => new KeyValuePair<string, float>(l, l == top ? confidence : rest))];
    }

    /// <summary>A speech window heard as <paramref name="emotion"/>.</summary>
    public static WindowEvent Speech(double t, string emotion, float confidence, float level = -21f, double latency = 8) =>
        new(t, true, 0.93f, emotion, confidence, Scores(emotion, confidence), latency, level);

    /// <summary>A window without speech.</summary>
    public static WindowEvent Silence(double t, float level = -48f) => new(t, false, 0.02f, null, 0, [], 0.4, level);

    /// <summary><paramref name="state"/> after a speech window: belief, affect, latency.</summary>
    public static PipelineState Heard(this PipelineState state, WindowEvent window, float beliefTop, ListenerAffect? affect = null) => state with
    {
        T = window.T,
        LastWindow = window,
        LastSpeechWindow = window.Speech ? window : state.LastSpeechWindow,
        Belief = window.Speech ? Scores(window.Emotion!, beliefTop) : state.Belief,
        Affect = affect ?? state.Affect ?? new ListenerAffect(0.4f, 0.3f),
        Latency = new LatencySummary(Math.Max(1, state.Latency.Windows + 1), 8, 12.5),
    };

    /// <summary><paramref name="state"/> with music started for <paramref name="emotion"/> → <paramref name="mood"/>.</summary>
    public static PipelineState Playing(this PipelineState state, string emotion, string mood, string title = "Morning Song", string? device = null) => state with
    {
        Emotion = new StableEmotion(emotion, 0.81f, state.T),
        Mood = mood,
        Pending = null,
        Playback = state.Playback with { Device = device ?? state.Playback.Device, Playing = new NowPlaying(mood, $"samples/music/{mood}", title, device ?? state.Playback.Device, false) },
        Timeline = [.. state.Timeline, new DecisionEvent(state.T, emotion, mood, 0.81f, $"samples/music/{mood}", state.Playback.Player, null)],
    };

    /// <summary>A typical busy state: speech heard as happy, upbeat playing, a sad challenger waiting, one warning.</summary>
    public static PipelineState Busy() =>
        Listening()
            .Heard(Speech(12, "happy", 0.71f), 0.81f, new ListenerAffect(0.55f, 0.35f))
            .Playing("happy", "upbeat", "Morning Song")
            .Heard(Speech(14, "sad", 0.64f), 0.58f, new ListenerAffect(-0.3f, -0.2f)) with
            {
                Pending = new PendingChange("sad", "comforting", 1.2, 6),
                Warnings = [new PipelineWarning(WarningIds.MicrophoneMissing, StatusSeverity.Warning, "No microphone — playing the demo input.", 0)],
            };
}
