namespace OrpheusLive.Core.Audio;

/// <summary>
/// Keeps a live input (a microphone) going through failures: when the device disappears mid-run it reports the
/// problem, delivers silence in real time (so the pipeline keeps running and silence never changes the music) and
/// reopens the device every <see cref="RetryInterval"/> until it works again, then reports the recovery.
/// </summary>
/// <remarks>
/// A device that fails before it ever delivered audio is not retried: that is a missing microphone, which the caller
/// must report (or replace with the demo input) rather than wait on silently.
/// </remarks>
public sealed class RecoveringAudioSource : IAudioSource
{
    private readonly Func<IAudioSource> _open;
    private readonly Action<string, bool> _report;
    private readonly TimeProvider _time;
    private IAudioSource? _current;
    private bool _delivered;
    private DateTimeOffset _nextRetry;
    private readonly TimeSpan? _stallTimeout;

    /// <summary>Creates the source; the device is opened on the first read.</summary>
    /// <param name="open">Opens the device (again).</param>
    /// <param name="report">
    /// Called with (message, false) when the device is lost and with (message, true) when it is back; the caller reports
    /// both under one warning id (the recovery resolves the loss).
    /// </param>
    /// <param name="retryInterval">How often to try reopening a lost device.</param>
    /// <param name="stallTimeout">
    /// A device that delivers nothing for this long counts as lost too (PulseAudio moves a stream whose source
    /// vanished to a fallback that may be silent); null waits forever.
    /// </param>
    /// <param name="time">The clock of retries, the stall timeout and the silence delivered meanwhile (tests pass a fake one).</param>
    public RecoveringAudioSource(
        Func<IAudioSource> open, Action<string, bool> report, TimeSpan retryInterval, TimeSpan? stallTimeout = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retryInterval, TimeSpan.Zero);
        _open = open;
        _report = report;
        RetryInterval = retryInterval;
        _time = time ?? TimeProvider.System;
        _stallTimeout = stallTimeout;
        _current = open();
        Description = _current.Description;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => true;

    /// <summary>How often a lost device is reopened.</summary>
    public TimeSpan RetryInterval { get; }

    /// <summary>True from losing the device until it delivers audio again (silence is delivered meanwhile).</summary>
    public bool IsRecovering { get; private set; }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        if (_current is null && _time.GetUtcNow() >= _nextRetry)
        {
            TryReopen();
        }

        if (_current is { } source)
        {
            // The stall timer runs on the injected clock, so a test's fake time (not the wall clock) decides the loss.
            using var stallTimer = _stallTimeout is { } timeout && _delivered
                ? new CancellationTokenSource(timeout, _time)
                : new CancellationTokenSource();
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stallTimer.Token);

            try
            {
                var n = await source.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                if (n > 0 && IsRecovering)
                {
                    IsRecovering = false;
                    _report("Microphone is back; listening again.", true);
                }

                _delivered |= n > 0;
                return n;
            }
            catch (AudioSourceException e) when (_delivered)
            {
                await LoseAsync(source, e.Message).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stallTimer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                await LoseAsync(source, $"no audio for {_stallTimeout!.Value.TotalSeconds:0} s.").ConfigureAwait(false);
            }
        }

        // While the device is away: 100 ms of silence per read, in real time.
        var silence = Math.Min(buffer.Length, IAudioSource.SampleRate / 10);
        await Task.Delay(TimeSpan.FromSeconds(silence / (double)IAudioSource.SampleRate), _time, cancellationToken).ConfigureAwait(false);
        buffer.Span[..silence].Clear();
        return silence;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_current is { } source)
        {
            _current = null;
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task LoseAsync(IAudioSource source, string problem)
    {
        _current = null;
        _nextRetry = _time.GetUtcNow() + RetryInterval;
        await source.DisposeAsync().ConfigureAwait(false);
        if (IsRecovering)
        {
            return; // a reopened device failed again: already reported
        }

        IsRecovering = true;
        _report($"Microphone lost: {problem} Retrying every {RetryInterval.TotalSeconds:0.#} s; the music keeps its current mood.", false);
    }

    private void TryReopen()
    {
        try
        {
            _current = _open(); // reported as back once it delivers audio
        }
        catch (AudioSourceException)
        {
            _nextRetry = _time.GetUtcNow() + RetryInterval;
        }
    }
}
