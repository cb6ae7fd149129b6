using System.Runtime.Versioning;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Opens the built-in player's output for the OS it runs on: <see cref="WasapiAudioOutput"/> (NAudio, WASAPI) on
/// Windows, <see cref="PulseAudioSink"/> elsewhere (Linux, and macOS/BSD with a PulseAudio server).
/// </summary>
public sealed class PlatformAudioOutputFactory : IAudioOutputFactory
{
    private readonly PulseAudioSinkOptions _options;
    private readonly bool _windows;

    /// <summary>Chooses by the running OS.</summary>
    /// <param name="options">The output device, rate, channels and latency (the PulseAudio server only on PulseAudio).</param>
    public PlatformAudioOutputFactory(PulseAudioSinkOptions options) : this(options, OperatingSystem.IsWindows())
    {
    }

    /// <summary>Chooses as told (tests exercise the Windows branch's choice on Linux).</summary>
    internal PlatformAudioOutputFactory(PulseAudioSinkOptions options, bool windows)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _windows = windows;
    }

    /// <summary>"NAudio WASAPI" or "PulseAudio": what <see cref="Open"/> opens.</summary>
    public string Backend => IsWindows ? "NAudio WASAPI" : "PulseAudio";

    [SupportedOSPlatformGuard("windows")]
    private bool IsWindows => _windows;

    /// <inheritdoc />
    public IAudioOutput Open()
    {
        if (!IsWindows) return new PulseAudioSink(_options);
        try
        {
            return new WasapiAudioOutput(_options);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException or TypeInitializationException)
        {
            // Windows without the audio stack (Server Core, Nano), or this branch forced on another OS.
            string firstLine = e.Message.Split('\n', 2)[0].Trim();
            throw new AudioOutputException($"No sound output: Windows audio (WASAPI) is not available here ({firstLine}).", e);
        }
    }
}
