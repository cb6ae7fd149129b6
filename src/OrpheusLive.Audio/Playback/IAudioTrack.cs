namespace OrpheusLive.Audio.Playback;

/// <summary>A decoded music file being read from start to end.</summary>
internal interface IAudioTrack : IDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Reads whole interleaved frames; returns frames read, 0 at the end.</summary>
    int Read(Span<float> interleaved);
}
