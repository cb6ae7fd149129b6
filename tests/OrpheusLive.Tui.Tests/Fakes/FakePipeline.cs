using System.Reactive.Subjects;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>
/// A pipeline the test drives: what it publishes becomes state through the real reducer, and it counts the user's
/// controls (which change the state like the real pipeline's do).
/// </summary>
public sealed class FakePipeline : IPipelineControl
{
    private readonly BehaviorSubject<PipelineState> _states;
    private readonly Subject<PipelineEvent> _events = new();
    private readonly object _gate = new();
    private PipelineState _state;

    public FakePipeline()
    {
        _state = PipelineStateReducer.Apply(PipelineState.Initial, new PipelineStarted(0, "test.wav", false, "console"));
        _states = new BehaviorSubject<PipelineState>(_state);
    }

    public PipelineState Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public IObservable<PipelineState> States => _states;

    public IObservable<PipelineEvent> Events => _events;

    public int Pauses { get; private set; }

    public int Resumes { get; private set; }

    public int Skips { get; private set; }

    public Exception? SkipFailure { get; set; }

    public bool WasCancelled { get; private set; }

    /// <summary>What the player plays (as the real pipeline learns it after a player command).</summary>
    public NowPlaying? Playing
    {
        set => Publish(new PlaybackChanged(Current.T, new PlaybackState("console", null, value)));
    }

    public void PauseListening()
    {
        Pauses++;
        Publish(new ListeningToggled(Current.T, true));
    }

    public void ResumeListening()
    {
        Resumes++;
        Publish(new ListeningToggled(Current.T, false));
    }

    public Task PauseMusicAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ResumeMusicAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SkipAsync(CancellationToken cancellationToken)
    {
        Skips++;
        return SkipFailure is null ? Task.CompletedTask : Task.FromException(SkipFailure);
    }

    public void DismissWarning(string id) => Publish(new WarningDismissed(Current.T, id));

    public void Publish(PipelineEvent e)
    {
        lock (_gate)
        {
            _state = PipelineStateReducer.Apply(_state, e);
            _states.OnNext(_state);
            if (e is WindowEvent or DecisionEvent or StatusEvent)
            {
                _events.OnNext(e);
            }
        }
    }

    /// <summary>A live input: publishes <paramref name="events"/> then runs until cancelled.</summary>
    public Func<CancellationToken, Task> RunsUntilCancelled(params PipelineEvent[] events) => async token =>
    {
        foreach (var e in events)
        {
            Publish(e);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            WasCancelled = true;
            throw;
        }
    };

    /// <summary>A file input: publishes <paramref name="events"/> and ends.</summary>
    public Func<CancellationToken, Task> EndsAfter(params PipelineEvent[] events) => _ =>
    {
        foreach (var e in events)
        {
            Publish(e);
        }

        Publish(new PipelineStopped(Current.T, PipelineStatus.Ended, null));
        return Task.CompletedTask;
    };

    /// <summary>An input that fails the pipeline with <paramref name="error"/>.</summary>
    public Func<CancellationToken, Task> FailsWith(string error) => _ =>
    {
        Publish(new StatusEvent(Current.T, WarningIds.InputFailed, StatusSeverity.Error, error));
        Publish(new PipelineStopped(Current.T, PipelineStatus.Failed, error));
        return Task.FromException(new InvalidOperationException(error));
    };
}
