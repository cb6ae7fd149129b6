namespace OrpheusLive.Core.Audio;

/// <summary>
/// A source of 16 kHz mono audio in the range [-1, 1] (microphone, WAV file, virtual device).
/// Implementations convert whatever they read (rate, channels, sample format) to that format.
/// </summary>
public interface IAudioSource : IAsyncDisposable
{
    /// <summary>The sample rate every implementation delivers.</summary>
    public const int SampleRate = 16_000;

    /// <summary>A human-readable description ("PulseAudio: default source", "demo.wav").</summary>
    string Description { get; }

    /// <summary>True for live sources (microphones) that cannot be read faster than real time.</summary>
    bool IsLive { get; }

    /// <summary>
    /// Reads up to <paramref name="buffer"/>.Length samples. Returns the number of samples written,
    /// or 0 at the end of the stream (files only; live sources block until audio arrives).
    /// </summary>
    /// <exception cref="AudioSourceException">The device or file failed (unplugged, corrupt, ...).</exception>
    ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken);
}
