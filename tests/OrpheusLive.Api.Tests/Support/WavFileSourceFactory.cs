using OrpheusLive.Audio.Sources;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>Opens WAV files through the app's WAV source; there is no microphone in tests.</summary>
internal sealed class WavFileSourceFactory : IAudioSourceFactory
{
    public IAudioSource Open(string? inputFile, bool fast, string? device) =>
        inputFile is null
            ? throw new AudioSourceException("No microphone in tests.")
            : new WavFileSource(new WavFileSourceOptions { Path = inputFile, PaceRealtime = !fast });
}
