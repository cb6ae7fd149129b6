using System.Reactive.Subjects;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Tests.Fakes;

/// <summary>A pipeline the test drives: it publishes what the test tells it to and counts the user's controls.</summary>
public sealed class FakePipeline : ILivePipeline
{
    private readonly Subject<PipelineEvent> _events = new();

    public IObservable<PipelineEvent> Events => _events;

    public LiveSnapshot Snapshot { get; set; } = LiveSnapshot.Empty with { Input = "test.wav" };

    public FakePlayer FakePlayer { get; } = new();

    public IPlayer Player => FakePlayer;

    public int Pauses { get; private set; }

    public int Resumes { get; private set; }

    public bool WasCancelled { get; private set; }

    public void Pause() => Pauses++;

    public void Resume() => Resumes++;

    public void Publish(PipelineEvent e) => _events.OnNext(e);

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

        return Task.CompletedTask;
    };
}
