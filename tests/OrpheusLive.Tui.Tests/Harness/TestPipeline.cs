using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>
/// The pipeline contract as the test drives it: the test publishes states; controls are recorded and answered the
/// way the real pipeline does (pause → a Paused state, music pause → <see cref="NowPlaying.IsPaused"/>, dismiss → the
/// warning is gone), so the UI is what is under test.
/// </summary>
public sealed class TestPipeline : IPipelineControl
{
    private readonly BehaviorSubject<PipelineState> _states;
    private readonly Subject<PipelineEvent> _events = new();
    private readonly object _gate = new();

    public TestPipeline(PipelineState? initial = null)
    {
        _states = new BehaviorSubject<PipelineState>(initial ?? PipelineStates.Listening());
    }

    public PipelineState Current => _states.Value;

    public IObservable<PipelineState> States => _states.AsObservable();

    public IObservable<PipelineEvent> Events => _events.AsObservable();

    /// <summary>Every control the UI called, in order ("pause-listening", "skip", "dismiss:microphone.missing", …).</summary>
    public List<string> Calls { get; } = [];

    /// <summary>When set, the asynchronous controls fail with it.</summary>
    public Exception? ControlFailure { get; set; }

    /// <summary>How many subscriptions to <see cref="States"/> are open.</summary>
    public bool HasObservers => _states.HasObservers;

    /// <summary>Publishes <paramref name="next"/> with the next version.</summary>
    public PipelineState Publish(PipelineState next)
    {
        lock (_gate)
        {
            var state = next with { Version = _states.Value.Version + 1 };
            _states.OnNext(state);
            return state;
        }
    }

    /// <summary>Publishes the current state changed by <paramref name="change"/>.</summary>
    public PipelineState Publish(Func<PipelineState, PipelineState> change)
    {
        lock (_gate)
        {
            return Publish(change(_states.Value));
        }
    }

    public void PauseListening()
    {
        Record("pause-listening");
        Publish(s => s with { Status = PipelineStatus.Paused });
    }

    public void ResumeListening()
    {
        Record("resume-listening");
        Publish(s => s with { Status = PipelineStatus.Listening });
    }

    public Task PauseMusicAsync(CancellationToken cancellationToken) => Control("pause-music", paused: true);

    public Task ResumeMusicAsync(CancellationToken cancellationToken) => Control("resume-music", paused: false);

    public Task SkipAsync(CancellationToken cancellationToken)
    {
        Record("skip");
        if (ControlFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        Publish(s => s with { Playback = s.Playback with { Playing = s.Playback.Playing! with { Title = "next track" } } });
        return Task.CompletedTask;
    }

    /// <summary>The moods <see cref="PlayMoodAsync"/> knows (like the mapping's); others are answered as unknown.</summary>
    public IReadOnlySet<string> Moods { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "calm", "upbeat", "chill" };

    public Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken)
    {
        Record($"play:{mood}");
        if (ControlFailure is { } failure)
        {
            return Task.FromException<MoodRequestResult>(failure);
        }

        if (!Moods.Contains(mood))
        {
            return Task.FromResult(new MoodRequestResult(MoodRequestStatus.UnknownMood, mood, $"The mapping has no mood '{mood}'; pick one of: {string.Join(", ", Moods.Order())}."));
        }

        Publish(s => s with { Mood = mood, MoodByUser = true });
        return Task.FromResult(new MoodRequestResult(MoodRequestStatus.Playing, mood, $"Playing {mood} (your pick).", $"library:{mood}"));
    }

    public void Report(string id, StatusSeverity severity, string message, string? resolves = null)
    {
        Record($"report:{id}");
        Publish(s => s with { Warnings = [.. s.Warnings.Where(w => w.Id != id && w.Id != resolves), new PipelineWarning(id, severity, message, s.T)] });
    }

    public void DismissWarning(string id)
    {
        Record($"dismiss:{id}");
        Publish(s => s with { Warnings = [.. s.Warnings.Where(w => w.Id != id)] });
    }

    public int CountOf(string call)
    {
        lock (_gate)
        {
            return Calls.Count(c => c == call);
        }
    }

    private Task Control(string name, bool paused)
    {
        Record(name);
        if (ControlFailure is { } failure)
        {
            return Task.FromException(failure);
        }

        Publish(s => s with { Playback = s.Playback with { Playing = s.Playback.Playing! with { IsPaused = paused } } });
        return Task.CompletedTask;
    }

    private void Record(string call)
    {
        lock (_gate)
        {
            Calls.Add(call);
        }
    }
}
