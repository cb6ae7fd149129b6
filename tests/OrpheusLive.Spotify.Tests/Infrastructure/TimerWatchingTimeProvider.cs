using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OrpheusLive.Spotify.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells the test when code starts waiting on it (a timer is created), so the
/// test can move time exactly when a retry delay is pending instead of guessing with the wall clock.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (with a deadline) until a timer due after <paramref name="dueTime"/> has been created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (await _created.Reader.ReadAsync(deadline.Token) != dueTime)
        {
        }
    }
}
