using OrpheusLive.Audio.Playback;

namespace OrpheusLive.Audio.Tests;

internal sealed class FakeOutputFactory(FakeAudioOutput? output = null, string? failure = null) : IAudioOutputFactory
{
    public int Opened { get; private set; }

    public FakeAudioOutput Output { get; } = output ?? new FakeAudioOutput();

    public IAudioOutput Open()
    {
        if (failure is not null) throw new AudioOutputException(failure);
        Opened++;
        return Output;
    }
}
