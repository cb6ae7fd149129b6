using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using NAudio.CoreAudioApi;
using NAudio.Wave;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// The built-in player's output on Windows: NAudio's <see cref="WasapiPlayer"/> (WASAPI shared mode, the 3.x successor
/// of <c>WasapiOut</c>) pulling 32-bit float from a <see cref="BufferedWaveProvider"/> that <see cref="Write"/> fills.
/// Plays at the device's mix rate (the player's own resampler converts each track to it, so the Windows engine never
/// resamples); <see cref="Write"/> blocks while about <see cref="PulseAudioSinkOptions.LatencyMilliseconds"/> of audio
/// is queued, which paces the player like the PulseAudio sink does. Use it from one thread.
/// Not runnable on the Linux build machines: compiled and reviewed.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WasapiAudioOutput : IAudioOutput
{
    private readonly MMDevice _device;
    private readonly WasapiPlayer _player;
    private readonly BufferedWaveProvider _queued;
    private readonly int _blockAlign;
    private readonly TimeSpan _poll;
    private readonly TimeSpan _deviceLatency;
    private Exception? _failure;
    private bool _disposed;

    /// <summary>Opens the device and starts playing (silence until the first <see cref="Write"/>).</summary>
    /// <param name="options">
    /// <see cref="PulseAudioSinkOptions.Device"/> is part of the Windows playback device's name (empty: the default);
    /// <see cref="PulseAudioSinkOptions.Channels"/> and <see cref="PulseAudioSinkOptions.LatencyMilliseconds"/> apply;
    /// <see cref="PulseAudioSinkOptions.SampleRate"/> is used only when the device reports no mix format.
    /// </param>
    /// <exception cref="AudioOutputException">There is no such device or it cannot be opened.</exception>
    public WasapiAudioOutput(PulseAudioSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Description = string.IsNullOrWhiteSpace(options.Device) ? "Windows: default output" : $"Windows: {options.Device}";
        _device = FindDevice(options.Device);
        try
        {
            _player = new WasapiPlayerBuilder().WithDevice(_device).WithSharedMode().WithEventSync().WithLatency(options.LatencyMilliseconds).Build();
            SampleRate = _player.DeviceMixFormat?.SampleRate ?? options.SampleRate;
            Channels = options.Channels;
            var format = WaveFormat.CreateIeeeFloatWaveFormat(SampleRate, Channels);
            _blockAlign = format.BlockAlign;
            // ReadFully: an empty queue plays silence instead of ending the stream between tracks.
            _queued = new BufferedWaveProvider(format, TimeSpan.FromMilliseconds(options.LatencyMilliseconds)) { ReadFully = true };
            _player.PlaybackStopped += (_, e) => Volatile.Write(ref _failure, e.Exception);
            _player.Init(_queued); // adapts bit depth and channel count to the device (no resampling)
            _player.Play();
        }
        catch (Exception e) when (e is COMException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            _device.Dispose();
            throw new AudioOutputException($"Opening {Description} failed: {e.Message}. Check the device in Windows Sound settings.", e);
        }

        _deviceLatency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds);
        _poll = TimeSpan.FromMilliseconds(Math.Clamp(options.LatencyMilliseconds / 4, 5, 50));
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<float> interleaved)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(interleaved);
        while (!bytes.IsEmpty)
        {
            ThrowIfFailed();
            int room = _queued.BufferLength - _queued.BufferedBytes;
            room -= room % _blockAlign;
            if (room <= 0)
            {
                Thread.Sleep(_poll); // the device drains the queue in real time
                continue;
            }

            int count = Math.Min(room, bytes.Length);
            _queued.AddSamples(bytes[..count]);
            bytes = bytes[count..];
        }
    }

    /// <inheritdoc />
    public void DropQueued() => _queued.ClearBuffer();

    /// <inheritdoc />
    public void Drain()
    {
        while (_queued.BufferedBytes > 0)
        {
            ThrowIfFailed();
            Thread.Sleep(_poll);
        }

        Thread.Sleep(_deviceLatency); // what WASAPI holds in its own buffer
        ThrowIfFailed();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _player.Dispose();
        _device.Dispose();
    }

    private void ThrowIfFailed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref _failure) is { } failure)
            throw new AudioOutputException($"Playing through {Description} failed: {failure.Message}", failure);
    }

    private static MMDevice FindDevice(string? wanted) =>
        WindowsAudioDevices.Find(DataFlow.Render, Role.Multimedia, wanted, out string available)
        ?? throw new AudioOutputException(string.IsNullOrWhiteSpace(wanted)
            ? "No sound output: Windows has no playback device. Plug in speakers or headphones, or enable one in Sound settings."
            : $"No sound output: Windows has no playback device named like '{wanted}' (available: {available}). Set LocalPlayer:Output:Device.");
}
