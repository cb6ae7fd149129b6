namespace OrpheusLive.Audio.Playback;

/// <summary>Opens <see cref="PulseAudioSink"/>s with fixed options.</summary>
/// <param name="options">The sink to open.</param>
public sealed class PulseAudioOutputFactory(PulseAudioSinkOptions options) : IAudioOutputFactory
{
    /// <inheritdoc />
    public IAudioOutput Open() => new PulseAudioSink(options);
}
