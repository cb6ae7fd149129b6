using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>Which Windows recording device <see cref="WasapiCaptureSource"/> uses and how much it buffers.</summary>
public sealed record WasapiCaptureSourceOptions
{
    /// <summary>Part of the device's name as Windows shows it ("USB", "Headset"), or null/empty for the default device.</summary>
    public string? Device { get; init; }

    /// <summary>WASAPI buffer length and the block the reader receives, in ms. 20–1000.</summary>
    public int BufferMilliseconds { get; init; } = 100;

    /// <summary>Captured audio kept when the reader falls behind, in seconds. 1–60.</summary>
    public int MaxBufferedSeconds { get; init; } = 5;

    /// <summary>Throws <see cref="AudioSourceException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (BufferMilliseconds is < 20 or > 1000)
            throw new AudioSourceException($"The capture buffer length must be 20–1000 ms (got {BufferMilliseconds}).");
        if (MaxBufferedSeconds is < 1 or > 60)
            throw new AudioSourceException($"The capture backlog must be 1–60 s (got {MaxBufferedSeconds}).");
    }
}
