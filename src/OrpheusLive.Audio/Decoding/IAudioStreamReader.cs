namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// A file being decoded, at its own sample rate and channel count: interleaved float samples in [-1, 1], read in
/// blocks so that a file of any length is decoded in bounded memory. Not thread-safe.
/// </summary>
public interface IAudioStreamReader : IDisposable
{
    /// <summary>Frames per second of the decoded audio.</summary>
    int SampleRate { get; }

    /// <summary>Channels per frame (interleaved in <see cref="Read"/>).</summary>
    int Channels { get; }

    /// <summary>The duration the file declares, when it declares one (a lying header may be wrong).</summary>
    TimeSpan? DeclaredDuration { get; }

    /// <summary>
    /// Reads up to <paramref name="interleaved"/>.Length samples (always whole frames); returns how many were written,
    /// 0 at the end of the file.
    /// </summary>
    /// <exception cref="AudioDecodeException">The data is damaged (the message names the file and the position).</exception>
    int Read(Span<float> interleaved);
}
