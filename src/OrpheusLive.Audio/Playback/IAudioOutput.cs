namespace OrpheusLive.Audio.Playback;

/// <summary>
/// A blocking sink for interleaved float audio (a sound card, a PulseAudio sink, or a fake in tests).
/// <see cref="Write"/> blocks roughly in real time once the device buffer is full, which paces the player.
/// </summary>
public interface IAudioOutput : IDisposable
{
    /// <summary>Where the audio goes ("PulseAudio: default sink").</summary>
    string Description { get; }

    /// <summary>Frames per second the output expects.</summary>
    int SampleRate { get; }

    /// <summary>Interleaved channels per frame.</summary>
    int Channels { get; }

    /// <summary>Plays whole frames of interleaved samples in [-1, 1]; blocks while the device buffer is full.</summary>
    /// <exception cref="AudioOutputException">The device failed.</exception>
    void Write(ReadOnlySpan<float> interleaved);

    /// <summary>Drops audio that is queued but not yet heard (skip/stop without a tail).</summary>
    void DropQueued();

    /// <summary>Blocks until the queued audio has been played.</summary>
    void Drain();
}
