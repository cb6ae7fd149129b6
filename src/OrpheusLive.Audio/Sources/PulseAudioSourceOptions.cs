using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>Which PulseAudio source to record and how.</summary>
public sealed record PulseAudioSourceOptions
{
    /// <summary>The PulseAudio source name (<c>pactl list short sources</c>), or null/empty for the default source.</summary>
    public string? Device { get; init; }

    /// <summary>
    /// The PulseAudio server ("unix:/run/user/1000/pulse/native", "tcp:host"), or null/empty for the default
    /// (the PULSE_SERVER environment variable, else the user's session server).
    /// </summary>
    public string? Server { get; init; }

    /// <summary>
    /// Size of one capture block in milliseconds (the server's fragment size). Small keeps latency low; 100 ms is a
    /// good balance. 10–1000.
    /// </summary>
    public int FragmentMilliseconds { get; init; } = 100;

    /// <summary>How much captured audio is kept when the reader falls behind, in seconds; older audio is dropped. 1–60.</summary>
    public int MaxBufferedSeconds { get; init; } = 5;

    /// <summary>
    /// Once recording runs, how long the stream may deliver nothing before reads fail with "the microphone stopped",
    /// in seconds. A working source delivers every fragment; this catches a server that hangs or dies without
    /// closing the connection. 1–60.
    /// </summary>
    public int StallSeconds { get; init; } = 5;

    /// <summary>The application name PulseAudio shows (pavucontrol).</summary>
    public string ApplicationName { get; init; } = "OrpheusLive";

    /// <summary>Throws <see cref="AudioSourceException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (FragmentMilliseconds is < 10 or > 1000)
            throw new AudioSourceException($"The capture fragment must be 10–1000 ms (got {FragmentMilliseconds}).");
        if (MaxBufferedSeconds is < 1 or > 60)
            throw new AudioSourceException($"The capture buffer must be 1–60 s (got {MaxBufferedSeconds}).");
        if (StallSeconds is < 1 or > 60)
            throw new AudioSourceException($"The capture stall timeout must be 1–60 s (got {StallSeconds}).");
        if (string.IsNullOrWhiteSpace(ApplicationName))
            throw new AudioSourceException("The PulseAudio application name must not be empty.");
    }
}
