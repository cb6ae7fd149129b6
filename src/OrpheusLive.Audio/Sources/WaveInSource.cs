using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using OrpheusLive.Audio.Native;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Records 16 kHz mono 16-bit PCM from a Windows recording device through winmm waveIn (present on every Windows).
/// Three driver buffers rotate: while the driver fills one, the capture thread converts the finished one and queues it
/// again. The capture thread opens the device on the first read and closes it when disposed.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed unsafe class WaveInSource : IAudioSource
{
    private const int BufferCount = 3;
    private readonly WaveInSourceOptions _options;
    private readonly int _bufferSamples;
    private readonly CaptureQueue _queue;
    private readonly AutoResetEvent _bufferDone = new(false);
    private readonly Lock _startLock = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private int _disposed;

    /// <summary>Creates the source; the device is opened on the first read.</summary>
    /// <exception cref="AudioSourceException">The options are invalid.</exception>
    public WaveInSource(WaveInSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _bufferSamples = IAudioSource.SampleRate * options.BufferMilliseconds / 1000;
        _queue = new CaptureQueue(_bufferSamples, Math.Max(2, options.MaxBufferedSeconds * 1000 / options.BufferMilliseconds));
        Description = string.IsNullOrWhiteSpace(options.Device) ? "Windows: default microphone" : $"Windows: {options.Device}";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => true;

    /// <inheritdoc />
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
        _bufferDone.Set(); // wake the capture thread; it resets and closes the device
        _queue.Complete();
        return ValueTask.CompletedTask;
    }

    private void EnsureStarted()
    {
        if (_thread is not null) return;
        lock (_startLock)
        {
            if (_thread is not null) return;
            _thread = new Thread(CaptureLoop) { IsBackground = true, Name = "waveIn capture" };
            _thread.Start();
        }
    }

    private void CaptureLoop()
    {
        var headerSize = (uint)sizeof(WinMm.WaveHeader);
        var bufferBytes = _bufferSamples * sizeof(short);
        // Headers and sample memory are unmanaged so the driver's pointers stay valid (the GC never moves them).
        var headers = (WinMm.WaveHeader*)NativeMemory.AllocZeroed((nuint)BufferCount, headerSize);
        var data = (short*)NativeMemory.AllocZeroed((nuint)(BufferCount * bufferBytes));
        nint device = 0;
        var prepared = 0;
        Exception? failure = null;
        try
        {
            device = OpenDevice();
            for (var i = 0; i < BufferCount; i++)
            {
                headers[i].Data = (nint)(data + i * _bufferSamples);
                headers[i].BufferLength = (uint)bufferBytes;
                Check(WinMm.PrepareHeader(device, &headers[i], headerSize), "prepare a buffer");
                prepared++;
                Check(WinMm.AddBuffer(device, &headers[i], headerSize), "queue a buffer");
            }
            Check(WinMm.Start(device), "start recording");

            var next = 0;
            while (!_stopping)
            {
                _bufferDone.WaitOne(1000);
                // Buffers complete in the order they were queued.
                while (!_stopping && (headers[next].Flags & WinMm.HeaderDone) != 0)
                {
                    var samples = (int)(headers[next].BytesRecorded / sizeof(short));
                    if (samples > 0)
                    {
                        var block = _queue.Rent();
                        var source = new ReadOnlySpan<short>((void*)headers[next].Data, Math.Min(samples, block.Length));
                        for (var k = 0; k < source.Length; k++) block[k] = source[k] * (1f / 32768);
                        // A short final buffer is padded with silence so blocks stay one size.
                        block.AsSpan(source.Length).Clear();
                        _queue.Publish(block);
                    }
                    headers[next].Flags &= ~WinMm.HeaderDone;
                    headers[next].BytesRecorded = 0;
                    Check(WinMm.AddBuffer(device, &headers[next], headerSize), "re-queue a buffer");
                    next = (next + 1) % BufferCount;
                }
            }
        }
        catch (Exception e)
        {
            failure = e as AudioSourceException ?? new AudioSourceException($"Recording from {Description} failed: {e.Message}", e);
        }
        finally
        {
            if (device != 0)
            {
                _ = WinMm.Reset(device); // returns every queued buffer so they can be unprepared
                for (var i = 0; i < prepared; i++) _ = WinMm.UnprepareHeader(device, &headers[i], headerSize);
                _ = WinMm.Close(device);
            }
            NativeMemory.Free(data);
            NativeMemory.Free(headers);
            _queue.Complete(failure);
        }
    }

    private nint OpenDevice()
    {
        var format = new WinMm.WaveFormatEx
        {
            FormatTag = WinMm.WaveFormatPcm,
            Channels = 1,
            SamplesPerSecond = IAudioSource.SampleRate,
            AverageBytesPerSecond = IAudioSource.SampleRate * sizeof(short),
            BlockAlign = sizeof(short),
            BitsPerSample = 16,
        };
        var deviceId = FindDevice(_options.Device);
        var result = WinMm.Open(out var handle, deviceId, &format, _bufferDone.SafeWaitHandle.DangerousGetHandle(), 0, WinMm.CallbackEvent);
        return result switch
        {
            WinMm.NoError => handle,
            WinMm.ErrorBadDeviceId or WinMm.ErrorNoDriver => throw new AudioSourceException("No microphone: Windows has no recording device. Plug one in or enable it in Sound settings."),
            WinMm.WaveErrorBadFormat => throw new AudioSourceException($"{Description} cannot record 16 kHz mono 16-bit audio."),
            _ => throw new AudioSourceException($"Opening {Description} failed (winmm error {result})."),
        };
    }

    private static uint FindDevice(string? wanted)
    {
        if (string.IsNullOrWhiteSpace(wanted)) return WinMm.WaveMapper;
        var count = WinMm.GetDeviceCount();
        var names = new List<string>();
        for (uint i = 0; i < count; i++)
        {
            if (WinMm.GetDeviceCaps(i, out var caps, (uint)Marshal.SizeOf<WinMm.WaveInCaps>()) != WinMm.NoError) continue;
            if (caps.ProductName.Contains(wanted, StringComparison.OrdinalIgnoreCase)) return i;
            names.Add(caps.ProductName);
        }
        var available = names.Count == 0 ? "none" : string.Join(", ", names);
        throw new AudioSourceException($"No microphone: Windows has no recording device named like '{wanted}' (available: {available}).");
    }

    private void Check(int result, string action)
    {
        if (result != WinMm.NoError) throw new AudioSourceException($"{Description}: could not {action} (winmm error {result}).");
    }
}
