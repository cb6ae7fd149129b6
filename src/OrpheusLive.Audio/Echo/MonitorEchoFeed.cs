using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Echo;

/// <summary>
/// The echo reference when another program plays the music on this machine (Spotify's desktop app): a second capture
/// stream on the monitor of the sink it plays to (PulseAudio <c>&lt;sink&gt;.monitor</c>), written into an
/// <see cref="EchoReference"/> block by block, timed like the microphone (<see cref="CaptureDating"/>).
/// </summary>
/// <remarks>
/// The monitor delivers what the sink renders at about the time it is heard, so the echo reaches the microphone only a
/// little later, or — with jitter in either stream — slightly earlier; the reference is therefore dated
/// <see cref="Lead"/> earlier than measured, which the canceller's delay estimate (0–500 ms) absorbs.
/// </remarks>
public sealed class MonitorEchoFeed : IAsyncDisposable
{
    /// <summary>How much earlier than measured the monitor's audio is dated.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(50);

    private readonly IAudioSource _monitor;
    private readonly EchoReference _reference;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts reading <paramref name="monitor"/> (owned) into <paramref name="reference"/> on a background task.</summary>
    /// <param name="monitor">The monitor source.</param>
    /// <param name="reference">Where its audio goes.</param>
    /// <param name="failed">Called once when the monitor fails (the reference then stays silent: no cancellation).</param>
    public MonitorEchoFeed(IAudioSource monitor, EchoReference reference, Action<string>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(reference);
        _monitor = monitor;
        _reference = reference;
        _loop = Task.Run(() => RunAsync(failed));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        await _monitor.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(Action<string>? failed)
    {
        var block = new float[IAudioSource.SampleRate / 10];
        var dating = new CaptureDating();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var n = await _monitor.ReadAsync(block, _stop.Token).ConfigureAwait(false);
                if (n <= 0) return;
                _reference.Write(block.AsSpan(0, n), dating.Next(_reference.Now, n) - Lead);
            }
        }
        catch (AudioSourceException e)
        {
            failed?.Invoke($"Echo cancellation has no reference: {e.Message}");
        }
    }
}
