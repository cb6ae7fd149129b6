namespace OrpheusLive.Audio.Tests;

/// <summary>
/// A clock that only moves when a timer is due: every timer fires at once and advances the clock by its due time.
/// Lets pacing be checked without waiting and without timing asserts.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks;

    public int TimersCreated { get; private set; }

    public TimeSpan TotalWaited => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimersCreated++;
        if (dueTime > TimeSpan.Zero) Interlocked.Add(ref _ticks, dueTime.Ticks);
        var timer = new FiredTimer();
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return timer;
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
