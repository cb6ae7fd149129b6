namespace OrpheusLive.Audio.Playback;

/// <summary>Opens audio outputs; the seam that lets tests replace the sound card.</summary>
public interface IAudioOutputFactory
{
    /// <summary>Opens an output.</summary>
    /// <exception cref="AudioOutputException">There is no usable output (no PulseAudio, no such sink, ...).</exception>
    IAudioOutput Open();
}
