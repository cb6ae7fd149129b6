using OrpheusLive.Audio.Native;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Playback;

/// <summary>A PulseAudio playback stream (pa_simple, FLOAT32LE). Writes block; use it from one thread.</summary>
public sealed class PulseAudioSink : IAudioOutput
{
    private readonly PulseStream _stream;

    /// <summary>Connects to the server and opens the playback stream.</summary>
    /// <exception cref="AudioOutputException">libpulse is missing, no server runs, or the sink does not exist.</exception>
    public PulseAudioSink(PulseAudioSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        try
        {
            _stream = PulseStream.Open(options.Server, record: false, options.Device, options.SampleRate, options.Channels,
                options.LatencyMilliseconds, options.ApplicationName, "OrpheusLive music");
        }
        catch (AudioSourceException e)
        {
            throw new AudioOutputException(e.Message, e);
        }
        SampleRate = options.SampleRate;
        Channels = options.Channels;
        Description = string.IsNullOrWhiteSpace(options.Device) ? "PulseAudio: default sink" : $"PulseAudio: {options.Device}";
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
        var error = _stream.Write(interleaved);
        if (error != 0) throw new AudioOutputException($"Playing through {Description} failed: {PulseSimple.Describe(error)}.");
    }

    /// <inheritdoc />
    public void DropQueued() => _stream.DropQueued();

    /// <inheritdoc />
    public void Drain()
    {
        var error = _stream.Drain();
        if (error != 0) throw new AudioOutputException($"Playing through {Description} failed: {PulseSimple.Describe(error)}.");
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
