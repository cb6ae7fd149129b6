namespace OrpheusLive.Audio.Playback;

/// <summary>Where and how <see cref="PulseAudioSink"/> plays.</summary>
public sealed record PulseAudioSinkOptions
{
    /// <summary>The PulseAudio sink name (<c>pactl list short sinks</c>), or null/empty for the default sink.</summary>
    public string? Device { get; init; }

    /// <summary>
    /// The PulseAudio server ("unix:/run/user/1000/pulse/native", "tcp:host"), or null/empty for the default
    /// (the PULSE_SERVER environment variable, else the user's session server).
    /// </summary>
    public string? Server { get; init; }

    /// <summary>Output rate in Hz (the server converts if the device differs). 8000–192000.</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Output channels, 1 or 2.</summary>
    public int Channels { get; init; } = 2;

    /// <summary>Audio queued ahead in the server, in ms: pause/skip react within about this long. 20–2000.</summary>
    public int LatencyMilliseconds { get; init; } = 150;

    /// <summary>The application name PulseAudio shows.</summary>
    public string ApplicationName { get; init; } = "OrpheusLive";

    /// <summary>The configuration section the built-in player's output is bound from.</summary>
    public const string SectionName = "LocalPlayer:Output";

    /// <summary>Every problem, each naming the setting (under <see cref="SectionName"/>) and its valid range; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SampleRate is < 8000 or > 192_000) problems.Add($"{SectionName}:SampleRate must be between 8000 and 192000 Hz (got {SampleRate}).");
        if (Channels is < 1 or > 2) problems.Add($"{SectionName}:Channels must be 1 or 2 (got {Channels}).");
        if (LatencyMilliseconds is < 20 or > 2000) problems.Add($"{SectionName}:LatencyMilliseconds must be between 20 and 2000 (got {LatencyMilliseconds}).");
        if (string.IsNullOrWhiteSpace(ApplicationName)) problems.Add($"{SectionName}:ApplicationName must not be empty.");
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (Problems() is [var first, ..]) throw new ArgumentException(first);
    }
}
