using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Playback;

/// <summary>A WAV file decoded in-process.</summary>
internal sealed class WavTrack(WavReader reader) : IAudioTrack
{
    public int SampleRate => reader.Format.SampleRate;

    public int Channels => reader.Format.Channels;

    public int Read(Span<float> interleaved) => reader.ReadFrames(interleaved);

    public void Dispose() => reader.Dispose();
}
