using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio;

/// <summary>
/// Opens the input the user asked for: an audio file through the one <see cref="IAudioDecoder"/> (any format it knows,
/// converted to 16 kHz mono), or the platform microphone: <see cref="WasapiCaptureSource"/> (NAudio, WASAPI shared mode) on Windows,
/// <see cref="PulseAudioSource"/> elsewhere (Linux, and macOS/BSD with a PulseAudio server), on the server and with the
/// fragment size of <see cref="AudioOptions"/>. Microphones are opened on the first read, so device errors arrive from
/// <see cref="IAudioSource.ReadAsync"/>.
/// </summary>
/// <param name="decoder">Decodes files.</param>
/// <param name="options">Microphone settings (<c>Audio:Server</c>, <c>Audio:FragmentMilliseconds</c>, the default
/// <c>Audio:Device</c>); the defaults when null.</param>
/// <param name="timeProvider">The clock that paces real-time file playback; <see cref="TimeProvider.System"/> when null.</param>
public sealed class AudioSourceFactory(IAudioDecoder decoder, AudioOptions? options = null, TimeProvider? timeProvider = null)
    : IAudioSourceFactory
{
    private readonly AudioOptions _options = options ?? new AudioOptions();

    /// <inheritdoc />
    /// <exception cref="AudioSourceException">The file cannot be decoded (the message names it and why), or the microphone
    /// settings are invalid.</exception>
    public IAudioSource Open(string? inputFile, bool fast, string? device)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (!string.IsNullOrWhiteSpace(inputFile))
        {
            try
            {
                return new DecodedFileSource(decoder.Open(inputFile, IAudioSource.SampleRate), inputFile, paced: !fast, timeProvider);
            }
            catch (AudioDecodeException e)
            {
                throw new AudioSourceException(e.Message, e);
            }
        }

        var microphone = string.IsNullOrWhiteSpace(device) ? _options.Device : device;
        if (OperatingSystem.IsWindows())
        {
            return new WasapiCaptureSource(new WasapiCaptureSourceOptions { Device = microphone, BufferMilliseconds = Math.Max(20, _options.FragmentMilliseconds) });
        }

        return new PulseAudioSource(new PulseAudioSourceOptions
        {
            Device = microphone,
            Server = _options.Server,
            FragmentMilliseconds = _options.FragmentMilliseconds,
        });
    }
}
