using System.Reactive.Linq;
using System.Reactive.Subjects;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// Transitional: shows a <see cref="ListenSession"/> (its events and snapshot) as the one pipeline state the terminal
/// UI reads, until the pipeline publishes <see cref="PipelineState"/> itself (the house issue) — then this class goes.
/// The session knows no debouncer belief, pending change or listener affect, so the dashboard shows the last
/// window's scores, "no change is waiting" and "—" for those. The player is polled for pause/skip changes.
/// </summary>
internal sealed class SessionStateBridge : IPipelineControl, IDisposable
{
    private const int LatencyWindows = 50;
    private static readonly TimeSpan PlayerPoll = TimeSpan.FromMilliseconds(500);

    private readonly ListenSession _session;
    private readonly BehaviorSubject<PipelineState> _states;
    private readonly object _gate = new();
    private readonly List<double> _latencies = [];
    private readonly Dictionary<string, string> _warningIds = new(StringComparer.Ordinal);
    private readonly IDisposable _events;
    private readonly ITimer _poll;

    public SessionStateBridge(ListenSession session, bool inputIsLive, TimeProvider time)
    {
        _session = session;
        var snapshot = session.Snapshot;
        _states = new BehaviorSubject<PipelineState>(PipelineState.Initial with
        {
            Input = snapshot.Input,
            InputIsLive = inputIsLive,
            Playback = new PlaybackState(session.Player.Name, session.Player.Current?.Device, session.Player.Current),
            Warnings = [.. snapshot.Warnings.Select(w => new PipelineWarning(IdOf(w), StatusSeverity.Warning, w, 0))],
            Version = 1,
        });
        _events = session.Events.Subscribe(Apply);
        _poll = time.CreateTimer(_ => Refresh(), null, PlayerPoll, PlayerPoll);
    }

    public PipelineState Current => _states.Value;

    public IObservable<PipelineState> States => _states.AsObservable();

    public IObservable<PipelineEvent> Events => _session.Events;

    /// <summary>Runs the session, recording in the state whether the input ended or failed.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        Publish(s => s with { Status = s.Status == PipelineStatus.Paused ? PipelineStatus.Paused : PipelineStatus.Listening });
        try
        {
            await run(cancellationToken).ConfigureAwait(false);
            Publish(s => s with { Status = PipelineStatus.Ended });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Quitting.
        }
        catch (Exception e)
        {
            Publish(s => s with { Status = PipelineStatus.Failed, Error = e.Message });
        }
    }

    public void PauseListening()
    {
        _session.Pause();
        Publish(s => s.Status == PipelineStatus.Listening ? s with { Status = PipelineStatus.Paused } : s);
    }

    public void ResumeListening()
    {
        _session.Resume();
        Publish(s => s.Status == PipelineStatus.Paused ? s with { Status = PipelineStatus.Listening } : s);
    }

    public async Task PauseMusicAsync(CancellationToken cancellationToken)
    {
        await _session.Player.PauseAsync(cancellationToken).ConfigureAwait(false);
        Refresh();
    }

    public async Task ResumeMusicAsync(CancellationToken cancellationToken)
    {
        await _session.Player.ResumeAsync(cancellationToken).ConfigureAwait(false);
        Refresh();
    }

    public async Task SkipAsync(CancellationToken cancellationToken)
    {
        await _session.Player.SkipAsync(cancellationToken).ConfigureAwait(false);
        Refresh();
    }

    public void DismissWarning(string id) => Publish(s => s with { Warnings = [.. s.Warnings.Where(w => w.Id != id)] });

    public void Dispose()
    {
        _poll.Dispose();
        _events.Dispose();
        _states.OnCompleted();
        _states.Dispose();
    }

    private void Apply(PipelineEvent e)
    {
        switch (e)
        {
            case WindowEvent window:
                Publish(s =>
                {
                    if (window.Speech && double.IsFinite(window.LatencyMs))
                    {
                        _latencies.Add(window.LatencyMs);
                        if (_latencies.Count > LatencyWindows)
                        {
                            _latencies.RemoveAt(0);
                        }
                    }

                    return WithSnapshot(s with
                    {
                        T = window.T,
                        LastWindow = window,
                        LastSpeechWindow = window.Speech ? window : s.LastSpeechWindow,
                        Belief = window.Speech ? window.Scores : s.Belief,
                        Latency = Summary(_latencies),
                    });
                });
                break;
            case DecisionEvent decision:
                Publish(s => WithSnapshot(s with
                {
                    T = Math.Max(s.T, decision.T),
                    Mood = decision.Mood,
                    Timeline = [.. s.Timeline.TakeLast(PipelineState.TimelineCapacity - 1), decision],
                }));
                break;
            case StatusEvent status:
                Publish(s =>
                {
                    var kept = s.Warnings.Where(w => w.Message != status.Message && w.Message != status.Resolves);
                    return s with
                    {
                        Warnings = status.Severity == StatusSeverity.Info
                            ? [.. kept]
                            : [.. kept, new PipelineWarning(IdOf(status.Message), status.Severity, status.Message, status.T)],
                    };
                });
                break;
        }
    }

    private void Refresh() => Publish(WithSnapshot);

    /// <summary>The stable emotion and what plays, from the session's snapshot and player.</summary>
    private PipelineState WithSnapshot(PipelineState state)
    {
        var snapshot = _session.Snapshot;
        var emotion = snapshot.Emotion is not { } label ? null
            : state.Emotion is { } known && known.Label == label ? known with { Confidence = snapshot.Confidence }
            : new StableEmotion(label, snapshot.Confidence, state.T);
        var playing = _session.Player.Current;
        return state with
        {
            Emotion = emotion,
            Playback = state.Playback with { Playing = playing, Device = playing?.Device ?? state.Playback.Device },
        };
    }

    private void Publish(Func<PipelineState, PipelineState> change)
    {
        lock (_gate)
        {
            var current = _states.Value;
            var next = change(current);
            if (next != current) // value equality: the player poll publishes nothing while nothing changed
            {
                _states.OnNext(next with { Version = current.Version + 1 });
            }
        }
    }

    /// <summary>The session reports warnings as plain words: each distinct message gets an id (the no-microphone one its well-known id).</summary>
    private string IdOf(string message)
    {
        lock (_warningIds)
        {
            if (!_warningIds.TryGetValue(message, out var id))
            {
                id = message.StartsWith(RunCommand.NoMicrophoneWarning, StringComparison.Ordinal)
                    ? WarningIds.MicrophoneMissing
                    : $"warning.{_warningIds.Count + 1}";
                _warningIds[message] = id;
            }

            return id;
        }
    }

    private static LatencySummary Summary(List<double> latencies)
    {
        if (latencies.Count == 0)
        {
            return LatencySummary.Empty;
        }

        double[] sorted = [.. latencies.Order()];
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95));
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
