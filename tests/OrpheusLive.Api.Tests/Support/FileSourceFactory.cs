using OrpheusLive.Audio;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>Opens files through the app's decoder and file source; there is no microphone in tests.</summary>
internal sealed class FileSourceFactory : IAudioSourceFactory
{
    private readonly AudioSourceFactory _files = new(new AudioDecoder([new WavAudioFormat()]));

    public IAudioSource Open(string? inputFile, bool fast, string? device) =>
        inputFile is null ? throw new AudioSourceException("No microphone in tests.") : _files.Open(inputFile, fast, device);
}
