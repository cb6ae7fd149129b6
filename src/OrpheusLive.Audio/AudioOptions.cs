using OrpheusLive.Audio.Echo;

namespace OrpheusLive.Audio;

/// <summary>
/// Audio input settings, bound from configuration section <c>Audio</c> and validated at start
/// (<see cref="Validate"/>). <c>--input</c>, <c>--fast</c> and <c>--device</c> override the first three.
/// </summary>
public sealed class AudioOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Audio";

    /// <summary>An audio file to listen to instead of the microphone (demo, tests); empty for the microphone.</summary>
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

    /// <summary>
    /// Echo cancellation of the microphone against what the app plays: <c>auto</c> (default: on whenever a reference
    /// exists: the built-in player plays on this machine, or <see cref="EchoReferenceMonitor"/> is set), <c>off</c>,
    /// <c>speex</c> or <c>fdaf</c> (on, with that engine); empty means <c>auto</c>. See <c>docs/echo-cancellation.md</c>.
    /// </summary>
    public string EchoCancel { get; set; } = "auto";

    /// <summary>
    /// A PulseAudio monitor source to take the echo reference from when another program plays the music on this machine
    /// (Spotify's desktop app: the monitor of the sink it plays to, e.g. <c>@DEFAULT_MONITOR@</c>); empty for none.
    /// Ignored on Windows and while the built-in player is the player.
    /// </summary>
    public string? EchoReferenceMonitor { get; set; }

    /// <summary>
    /// How far stationary noise on the input (a fan, hum, hiss, and what a microphone's automatic gain control pumps
    /// up between words) is suppressed before the model hears it, in dB: 0 turns it off, 1–40. Default 15. The same
    /// suppression runs on files, the microphone and <c>orpheus eval</c>, so a file run decides like a live one.
    /// </summary>
    public int NoiseSuppressionDb { get; set; } = 15;

    /// <summary><see cref="EchoCancel"/> parsed (<see cref="EchoCancelMode.Auto"/> when empty or not valid; <see cref="Validate"/> reports the latter).</summary>
    public EchoCancelMode EchoCancelMode =>
        Enum.TryParse<EchoCancelMode>(EchoCancel, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(EchoCancel, out _)
            ? mode
            : EchoCancelMode.Auto;

    /// <summary>
    /// Problems with the settings, each naming the setting and its valid range; empty when they are usable. Whether
    /// <see cref="Input"/> exists is checked when something listens to it, not here (commands that never listen must
    /// not fail on it).
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (FragmentMilliseconds is < 10 or > 1000)
        {
            problems.Add($"{SectionName}:FragmentMilliseconds must be between 10 and 1000 (got {FragmentMilliseconds}).");
        }

        if (NoiseSuppressionDb is < 0 or > 40)
        {
            problems.Add($"{SectionName}:NoiseSuppressionDb must be between 0 (off) and 40 (got {NoiseSuppressionDb}).");
        }

        if (!string.IsNullOrWhiteSpace(EchoCancel) && (!Enum.TryParse<EchoCancelMode>(EchoCancel, ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode) || int.TryParse(EchoCancel, out _)))
        {
            problems.Add($"{SectionName}:EchoCancel must be auto, off, speex or fdaf (got '{EchoCancel}').");
        }

        return problems;
    }
}
