using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio;

/// <summary>Audio input settings (configuration section <c>Audio</c>).</summary>
public sealed class AudioOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Audio";

    /// <summary>A WAV file to play instead of the microphone (demo, tests); empty for the microphone.</summary>
    public string? Input { get; set; }

    /// <summary>
    /// The microphone: a PulseAudio source name on Linux (<c>pactl list short sources</c>), part of the device name on
    /// Windows; empty for the system default. Ignored when <see cref="Input"/> is set.
    /// </summary>
    public string? Device { get; set; }

    /// <summary>
    /// Read <see cref="Input"/> as fast as possible instead of in real time (batch runs, <c>--fast</c>).
    /// Ignored for microphones, which always run in real time.
    /// </summary>
    public bool Fast { get; set; }

    /// <summary>The PulseAudio server for the microphone; empty for the default (PULSE_SERVER, else the session's).</summary>
    public string? Server { get; set; }

    /// <summary>Capture block length for microphones, in ms (latency vs. overhead). 10–1000.</summary>
    public int FragmentMilliseconds { get; set; } = 100;

    /// <summary>True when the input is a file rather than a microphone.</summary>
    public bool UsesFile => !string.IsNullOrWhiteSpace(Input);

    /// <summary>Problems with the settings, written for the user; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (UsesFile)
        {
            if (Directory.Exists(Input)) problems.Add($"Audio:Input '{Input}' is a folder; expected a WAV file.");
            else if (!File.Exists(Input)) problems.Add($"Audio:Input file '{Input}' does not exist.");
            else if (!Input!.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) && !Input.EndsWith(".wave", StringComparison.OrdinalIgnoreCase))
                problems.Add($"Audio:Input '{Input}' is not a .wav file; only WAV input is supported.");
        }
        if (FragmentMilliseconds is < 10 or > 1000) problems.Add($"Audio:FragmentMilliseconds must be 10–1000 (got {FragmentMilliseconds}).");
        return problems;
    }

    /// <summary>Throws <see cref="AudioSourceException"/> listing every problem, if any.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0) throw new AudioSourceException(string.Join(" ", problems));
    }
}
