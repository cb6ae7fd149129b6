using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using NAudio.CoreAudioApi;
using NAudio.Wave;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Records from a Windows microphone through WASAPI in shared mode (NAudio's <see cref="WasapiRecorder"/>, the 3.x
/// successor of <c>WasapiCapture</c>), in the device's own mix format, and delivers 16 kHz mono float through
/// <see cref="CaptureConverter"/> (NAudio decodes the samples, the app's resampler converts the rate). The device is
/// opened on the first read, so device errors arrive from <see cref="ReadAsync"/>; it is closed when disposed.
/// Not runnable on the Linux build machines: compiled and reviewed; the conversion it relies on is tested there.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WasapiCaptureSource : IAudioSource
{
    private readonly WasapiCaptureSourceOptions _options;
    private readonly CaptureQueue _queue;
    private readonly Lock _startLock = new();
    private MMDevice? _device;
    private WasapiRecorder? _recorder;
    private CaptureConverter? _converter;
    private int _disposed;

    /// <summary>Creates the source; the device is opened on the first read.</summary>
    /// <exception cref="AudioSourceException">The options are invalid.</exception>
    public WasapiCaptureSource(WasapiCaptureSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        int blockSamples = IAudioSource.SampleRate * options.BufferMilliseconds / 1000;
        _queue = new CaptureQueue(blockSamples, Math.Max(2, options.MaxBufferedSeconds * 1000 / options.BufferMilliseconds));
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
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        WasapiRecorder? recorder;
        lock (_startLock)
        {
            recorder = _recorder;
            _recorder = null;
        }

        // WasapiRecorder stops best-effort: a device removed mid-capture does not throw here.
        if (recorder is not null) await recorder.DisposeAsync().ConfigureAwait(false);
        _device?.Dispose();
        _queue.Complete();
    }

    private void EnsureStarted()
    {
        if (_recorder is not null) return;
        lock (_startLock)
        {
            if (_recorder is not null) return;
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            WasapiRecorder? recorder = null;
            try
            {
                _device = FindDevice(_options.Device);
                recorder = new WasapiRecorderBuilder()
                    .WithDevice(_device)
                    .WithSharedMode()
                    .WithEventSync()
                    .WithBufferLength(_options.BufferMilliseconds)
                    .Build();
                _converter = new CaptureConverter(recorder.WaveFormat, _queue, Description);
                recorder.DataAvailable += OnDataAvailable;
                recorder.RecordingStopped += OnRecordingStopped;
                recorder.StartRecording();
                _recorder = recorder;
            }
            catch (Exception e) when (e is COMException or InvalidOperationException)
            {
                recorder?.Dispose();
                throw new AudioSourceException(
                    $"Opening {Description} failed: {e.Message}. Check the device in Windows Sound settings and that apps may use the microphone (Privacy settings).", e);
            }
            catch
            {
                recorder?.Dispose();
                throw;
            }
        }
    }

    private void OnDataAvailable(ReadOnlySpan<byte> buffer, AudioClientBufferFlags flags, long devicePosition, long qpcPosition)
    {
        try
        {
            if ((flags & AudioClientBufferFlags.Silent) != 0) _converter!.WriteSilence(buffer.Length);
            else _converter!.Write(buffer);
        }
        catch (Exception failure)
        {
            _queue.Complete(new AudioSourceException($"Recording from {Description} failed: {failure.Message}", failure));
        }
    }

    private void OnRecordingStopped(object? sender, StoppedEventArgs e) =>
        _queue.Complete(e.Exception is null ? null : new AudioSourceException($"Recording from {Description} failed: {e.Exception.Message}", e.Exception));

    private static MMDevice FindDevice(string? wanted) =>
        WindowsAudioDevices.Find(DataFlow.Capture, Role.Console, wanted, out string available)
        ?? throw new AudioSourceException(string.IsNullOrWhiteSpace(wanted)
            ? "No microphone: Windows has no recording device. Plug one in or enable it in Sound settings."
            : $"No microphone: Windows has no recording device named like '{wanted}' (available: {available}).");
}
