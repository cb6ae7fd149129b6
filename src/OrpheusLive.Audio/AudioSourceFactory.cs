using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio;

/// <summary>Creates the <see cref="IAudioSource"/> for a file or the platform microphone.</summary>
/// <param name="timeProvider">The clock that paces real-time file playback; <see cref="TimeProvider.System"/> when null.</param>
public sealed class AudioSourceFactory(TimeProvider? timeProvider = null) : IAudioSourceFactory
{
    /// <inheritdoc />
    public IAudioSource Open(string? inputFile, bool fast, string? device) =>
        Create(new AudioOptions { Input = inputFile, Fast = fast, Device = device });

    /// <summary>
    /// A <see cref="WavFileSource"/> when <see cref="AudioOptions.Input"/> is set (real time unless
    /// <see cref="AudioOptions.Fast"/>); otherwise the platform microphone: <see cref="WasapiCaptureSource"/> (NAudio, WASAPI shared mode) on Windows,
    /// <see cref="PulseAudioSource"/> elsewhere (Linux, and macOS/BSD with a PulseAudio server).
    /// Microphones are opened on the first read, so device errors arrive from <see cref="IAudioSource.ReadAsync"/>.
    /// </summary>
    /// <exception cref="AudioSourceException">The options are invalid or the file cannot be read.</exception>
    public IAudioSource Create(AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        if (options.UsesFile)
            return new WavFileSource(new WavFileSourceOptions { Path = options.Input!, PaceRealtime = !options.Fast }, timeProvider);
        if (OperatingSystem.IsWindows())
            return new WasapiCaptureSource(new WasapiCaptureSourceOptions { Device = options.Device, BufferMilliseconds = Math.Max(20, options.FragmentMilliseconds) });
        return new PulseAudioSource(new PulseAudioSourceOptions
        {
            Device = options.Device,
            Server = options.Server,
            FragmentMilliseconds = options.FragmentMilliseconds,
        });
    }
}
