using OrpheusLive.Audio.Native;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Records 16 kHz mono FLOAT32 from a PulseAudio source (or PipeWire's PulseAudio service) through libpulse-simple.
/// </summary>
/// <remarks>
/// pa_simple_read blocks, so a dedicated background thread owns the stream: it opens it on the first
/// <see cref="ReadAsync"/> (so constructing never blocks and open errors surface from the read), reads one fragment at a
/// time into recycled buffers and hands them over, so no thread-pool thread is ever blocked. Cancelling a read only
/// abandons that read; disposing stops the thread, which closes the stream after its read in progress returns (at most
/// one fragment later on a working device). If the reader falls behind by more than
/// <see cref="PulseAudioSourceOptions.MaxBufferedSeconds"/>, the oldest audio is dropped. A watchdog fails reads with
/// a clear error when a running stream delivers nothing for <see cref="PulseAudioSourceOptions.StallSeconds"/>:
/// pa_simple_read cannot be interrupted, so a server that hangs instead of closing the connection would otherwise
/// leave the reader waiting forever.
/// </remarks>
public sealed class PulseAudioSource : IAudioSource
{
    private readonly PulseAudioSourceOptions _options;
    private readonly CaptureQueue _queue;
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private Timer? _watchdog;
    private long _lastDeliveryTicks = long.MaxValue; // Environment.TickCount64 of the last block; MaxValue until open
    private volatile bool _stopping;
    private int _disposed;

    /// <summary>Creates the source; nothing is opened until the first read.</summary>
    /// <exception cref="AudioSourceException">The options are invalid.</exception>
    public PulseAudioSource(PulseAudioSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        var fragmentSamples = IAudioSource.SampleRate * options.FragmentMilliseconds / 1000;
        _queue = new CaptureQueue(fragmentSamples, Math.Max(2, options.MaxBufferedSeconds * 1000 / options.FragmentMilliseconds));
        Description = string.IsNullOrWhiteSpace(options.Device) ? "PulseAudio: default source" : $"PulseAudio: {options.Device}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>What it records and how (device, server, fragment size).</summary>
    public PulseAudioSourceOptions Options => _options;

    /// <inheritdoc />
    public bool IsLive => true;

    /// <inheritdoc />
    /// <exception cref="AudioSourceException">libpulse is missing, no server runs, the source does not exist, or the
    /// device failed while recording.</exception>
    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (buffer.IsEmpty) return ValueTask.FromResult(0);
        EnsureStarted();
        return _queue.ReadAsync(buffer, Description, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return ValueTask.CompletedTask;
        _stopping = true;
        _watchdog?.Dispose();
        // The capture thread frees the stream itself once its current read returns: freeing it under a blocked
        // pa_simple_read would be a use-after-free. It is a background thread, so it never blocks process exit.
        _queue.Complete();
        return ValueTask.CompletedTask;
    }

    private void EnsureStarted()
    {
        if (_thread is not null) return;
        lock (_startLock)
        {
            if (_thread is not null) return;
            _watchdog = new Timer(static state => ((PulseAudioSource)state!).CheckStall(), this, 1000, 1000);
            _thread = new Thread(CaptureLoop) { IsBackground = true, Name = "PulseAudio capture" };
            _thread.Start();
        }
    }

    private void CaptureLoop()
    {
        PulseStream? stream = null;
        Exception? failure = null;
        try
        {
            stream = PulseStream.Open(_options.Server, record: true, _options.Device, IAudioSource.SampleRate, channels: 1,
                _options.FragmentMilliseconds, _options.ApplicationName, "OrpheusLive microphone");
            Volatile.Write(ref _lastDeliveryTicks, Environment.TickCount64);
            while (!_stopping)
            {
                var block = _queue.Rent();
                var error = stream.Read(block);
                if (_stopping) break;
                if (error != 0) throw new AudioSourceException(ReadFailureMessage(error));
                Volatile.Write(ref _lastDeliveryTicks, Environment.TickCount64);
                _queue.Publish(block);
            }
        }
        catch (Exception e)
        {
            failure = e as AudioSourceException ?? new AudioSourceException($"Recording from {Description} failed: {e.Message}", e);
        }
        finally
        {
            // Readers learn of the end first: freeing a stream whose server has gone may take a while.
            _queue.Complete(failure);
            stream?.Dispose();
            _watchdog?.Dispose();
        }
    }

    private void CheckStall()
    {
        var silentFor = Environment.TickCount64 - Volatile.Read(ref _lastDeliveryTicks);
        if (_stopping || silentFor < _options.StallSeconds * 1000L) return;
        _stopping = true;
        _watchdog?.Dispose();
        _queue.Complete(new AudioSourceException(
            $"The microphone stopped: {Description} delivered no audio for {_options.StallSeconds} s (PulseAudio server hung or gone?)."));
    }

    private string ReadFailureMessage(int error) => error switch
    {
        PulseSimple.ErrorConnectionTerminated or PulseSimple.ErrorKilled =>
            $"The microphone stopped: the connection to PulseAudio was lost ({PulseSimple.Describe(error)}).",
        PulseSimple.ErrorNoEntity =>
            $"The microphone stopped: {Description} disappeared (unplugged?).",
        _ => $"The microphone stopped: reading from {Description} failed ({PulseSimple.Describe(error)}).",
    };
}
