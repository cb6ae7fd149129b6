using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Mpris.Tests.Infrastructure;

/// <summary>
/// A small pipeline behind <see cref="IPipelineControl"/>: keeps one state, records the controls it receives and
/// carries them out the way the real pipeline does (pause sets <see cref="NowPlaying.IsPaused"/>, skip moves to the
/// next title), publishing each new state before the call returns. It starts listening unless told otherwise.
/// </summary>
public sealed class FakePipelineControl(PipelineStatus status = PipelineStatus.Listening) : IPipelineControl
{
    private readonly BehaviorSubject<PipelineState> _states = new(PipelineState.Initial with { Status = status });
    private readonly Lock _lock = new();
    private IReadOnlyList<string> _titles = [];
    private int _titleIndex;

    /// <summary>Every control received, in order ("PauseMusic", "ResumeMusic", "Skip", ...).</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, the music commands throw it (a player that failed).</summary>
    public Exception? FailWith { get; set; }

    public PipelineState Current => _states.Value;

    public IObservable<PipelineState> States => _states.AsObservable();

    public IObservable<PipelineEvent> Events => Observable.Never<PipelineEvent>();

    /// <summary>A decision started <paramref name="mood"/>'s music; skips go through <paramref name="titles"/>.</summary>
    public void Decide(string mood, string target, params string[] titles)
    {
        lock (_lock)
        {
            _titles = titles;
            _titleIndex = 0;
            Publish(s => s with
            {
                Mood = mood,
                Playback = new PlaybackState("local", "null sink", new NowPlaying(mood, target, titles.FirstOrDefault(), "null sink", false)),
            });
        }
    }

    /// <summary>The pipeline moved on in its life (started listening, failed, ended).</summary>
    public void SetStatus(PipelineStatus status) => Publish(s => s with { Status = status });

    /// <summary>The music stopped being known (player gone).</summary>
    public void StopMusic() => Publish(s => s with { Playback = s.Playback with { Playing = null } });

    public void PauseListening() => Calls.Enqueue("PauseListening");

    public void ResumeListening() => Calls.Enqueue("ResumeListening");

    public Task PauseMusicAsync(CancellationToken cancellationToken) => MusicCommand("PauseMusic", p => p with { IsPaused = true });

    public Task ResumeMusicAsync(CancellationToken cancellationToken) => MusicCommand("ResumeMusic", p => p with { IsPaused = false });

    public Task SkipAsync(CancellationToken cancellationToken) => MusicCommand("Skip", p =>
    {
        _titleIndex = _titles.Count == 0 ? 0 : (_titleIndex + 1) % _titles.Count;
        return p with { Title = _titles.Count == 0 ? null : _titles[_titleIndex], IsPaused = false };
    });

    public void DismissWarning(string id) => Calls.Enqueue("DismissWarning:" + id);

    public void Report(string id, StatusSeverity severity, string message, string? resolves = null)
    {
        Calls.Enqueue("Report:" + id);
        Publish(s => s with { Warnings = [.. s.Warnings.Where(w => w.Id != id), new PipelineWarning(id, severity, message, s.T)] });
    }

    public Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken)
    {
        Calls.Enqueue("PlayMood:" + mood);
        Decide(mood, $"spotify:playlist:{mood}");
        Publish(s => s with { MoodByUser = true });
        return Task.FromResult(new MoodRequestResult(MoodRequestStatus.Playing, mood, $"Playing {mood}.", $"spotify:playlist:{mood}"));
    }

    private Task MusicCommand(string name, Func<NowPlaying, NowPlaying> change)
    {
        Calls.Enqueue(name);
        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }

        lock (_lock)
        {
            Publish(s => s.Playback.Playing is { } playing ? s with { Playback = s.Playback with { Playing = change(playing) } } : s);
        }

        return Task.CompletedTask;
    }

    private void Publish(Func<PipelineState, PipelineState> change)
    {
        lock (_lock)
        {
            var next = change(_states.Value);
            _states.OnNext(next with { Version = next.Version + 1 });
        }
    }
}
