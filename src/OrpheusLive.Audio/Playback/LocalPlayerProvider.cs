using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Playback;

/// <summary>Provides the built-in <see cref="LocalPlayer"/> ("local") playing through PulseAudio.</summary>
/// <param name="playerOptions">Fade, volume and music root.</param>
/// <param name="sinkOptions">The PulseAudio sink to play through.</param>
/// <param name="loggerFactory">Creates the player's logger; none when null.</param>
public sealed class LocalPlayerProvider(LocalPlayerOptions playerOptions, PulseAudioSinkOptions sinkOptions, ILoggerFactory? loggerFactory = null)
    : IPlayerProvider
{
    /// <inheritdoc />
    public string Name => "local";

    /// <summary>True when a PulseAudio playback stream can be opened now (it is opened and closed again to check).</summary>
    public bool IsAvailable(out string? reason)
    {
        if (OperatingSystem.IsWindows())
        {
            reason = "the built-in player needs PulseAudio, which Windows does not have";
            return false;
        }
        try
        {
            using var probe = new PulseAudioSink(sinkOptions);
            reason = null;
            return true;
        }
        catch (AudioOutputException e)
        {
            reason = e.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public IPlayer Create() =>
        new LocalPlayer(playerOptions, new PulseAudioOutputFactory(sinkOptions), loggerFactory?.CreateLogger<LocalPlayer>());
}
