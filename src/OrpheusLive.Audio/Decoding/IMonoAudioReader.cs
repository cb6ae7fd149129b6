namespace OrpheusLive.Audio.Decoding;

/// <summary>A decoded file converted to mono float at one rate, read in blocks (bounded memory). Not thread-safe.</summary>
public interface IMonoAudioReader : IDisposable
{
    /// <summary>Samples per second of <see cref="Read"/>'s output.</summary>
    int SampleRate { get; }

    /// <summary>The format that decodes the file ("Ogg Vorbis").</summary>
    string FormatName { get; }

    /// <summary>The file's own rate and channels, for messages and limits (e.g. refusing 8 channels).</summary>
    (int SampleRate, int Channels) Source { get; }

    /// <summary>The duration the file declares, when it declares one.</summary>
    TimeSpan? DeclaredDuration { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length mono samples; 0 at the end.</summary>
    /// <exception cref="AudioDecodeException">The data is damaged.</exception>
    int Read(Span<float> buffer);
}
