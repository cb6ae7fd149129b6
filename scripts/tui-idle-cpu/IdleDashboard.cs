#:project ../../src/OrpheusLive.Tui/OrpheusLive.Tui.csproj
#:project ../../src/OrpheusLive.Storage/OrpheusLive.Storage.csproj

// The dashboard on a state that never changes (speech heard, music playing, a change waiting, a warning), for
// measuring what an idle dashboard costs: scripts/tui-idle-cpu.sh runs this in tmux and reads its CPU time.
// q quits. Not a test: a measuring harness.
using System.Reactive.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Storage;
using OrpheusLive.Tui.Live;

string[] labels = ["neutral", "happy", "sad", "angry", "fearful", "surprised"];
KeyValuePair<string, float>[] Scores(string top, float p) =>
    [.. labels.Select(l => new KeyValuePair<string, float>(l, l == top ? p : (1 - p) / (labels.Length - 1)))];

var window = new WindowEvent(42, true, 0.93f, "happy", 0.71f, Scores("happy", 0.71f), 8, -21);
var state = PipelineState.Initial with
{
    Status = PipelineStatus.Listening,
    Input = "demo.wav",
    T = 42,
    LastWindow = window,
    LastSpeechWindow = window,
    Emotion = new StableEmotion("happy", 0.81f, 30),
    Belief = Scores("happy", 0.81f),
    Pending = new PendingChange("sad", "comforting", 1.2, 6),
    Affect = new ListenerAffect(0.55f, 0.35f),
    Mood = "upbeat",
    Playback = new PlaybackState("local", "PulseAudio", new NowPlaying("upbeat", "samples/music/upbeat", "Morning Song", "PulseAudio", false)),
    Latency = new LatencySummary(50, 8, 12.5),
    Timeline = [new DecisionEvent(30, "happy", "upbeat", 0.81f, "samples/music/upbeat", "local", null)],
    Warnings = [new PipelineWarning(WarningIds.MicrophoneMissing, StatusSeverity.Warning, "No microphone — playing the demo input.", 0)],
    Version = 1,
};

var folder = Directory.CreateTempSubdirectory("orpheus-idle-").FullName;
var defaults = Path.GetFullPath(args.Length > 0 ? args[0] : "config/moods.json");
using var moods = new FileMoodMapStore(new MoodMapOptions { DefaultFile = defaults, UserFile = Path.Combine(folder, "moods.json") },
    new MoodTargetRules([new AnyTarget()]), NullLogger<FileMoodMapStore>.Instance, watch: false);
var options = args.Length > 1 && ushort.TryParse(args[1], out var perSecond)
    ? new DashboardOptions { Terminal = new OrpheusLive.Tui.Hosting.TerminalUiOptions { IterationsPerSecond = perSecond } }
    : null;
await TerminalDashboard.RunAsync(new StaticPipeline(state), moods, null, options, CancellationToken.None);
Directory.Delete(folder, recursive: true);

/// <summary>A pipeline whose state never changes; controls do nothing.</summary>
internal sealed class StaticPipeline(PipelineState state) : IPipelineControl
{
    public PipelineState Current => state;

    public IObservable<PipelineState> States => Observable.Return(state).Concat(Observable.Never<PipelineState>());

    public IObservable<PipelineEvent> Events => Observable.Never<PipelineEvent>();

    public void PauseListening()
    {
    }

    public void ResumeListening()
    {
    }

    public Task PauseMusicAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ResumeMusicAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken) =>
        Task.FromResult(new MoodRequestResult(MoodRequestStatus.NotRunning, mood, "The harness plays nothing."));

    public void Report(string id, StatusSeverity severity, string message, string? resolves = null)
    {
    }

    public void DismissWarning(string id)
    {
    }
}

/// <summary>Takes every target as it is (the harness plays nothing).</summary>
internal sealed class AnyTarget : ITargetValidator
{
    public string Description => "any target";

    public TargetCheck? Check(string target, bool mustExist) => TargetCheck.Valid(target);
}
