namespace OrpheusLive.Core.Audio;

/// <summary>Opens the audio input the user asked for (a file, the default microphone or a named device).</summary>
public interface IAudioSourceFactory
{
    /// <summary>
    /// Opens <paramref name="inputFile"/> when given, else the microphone (<paramref name="device"/> or the default).
    /// </summary>
    /// <param name="inputFile">A WAV file, or null for the microphone.</param>
    /// <param name="fast">For files: read as fast as possible instead of in real time.</param>
    /// <param name="device">For microphones: the platform's device/source name, or null for the default.</param>
    /// <exception cref="AudioSourceException">The input cannot be opened; the message says why and what to do.</exception>
    IAudioSource Open(string? inputFile, bool fast, string? device);
}
