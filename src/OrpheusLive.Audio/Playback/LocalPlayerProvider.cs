using Microsoft.Extensions.Logging;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Provides the built-in <see cref="LocalPlayer"/> ("local") playing through the platform's output
/// (<see cref="PlatformAudioOutputFactory"/>: PulseAudio on Linux, NAudio's WASAPI player on Windows).
/// </summary>
/// <param name="playerOptions">Fade, volume and music root.</param>
/// <param name="sinkOptions">The output to play through (<c>LocalPlayer:Output</c>).</param>
/// <param name="loggerFactory">Creates the player's logger; none when null.</param>
/// <param name="library">The music library's tracks by mood; none when null.</param>
/// <param name="echoReference">Where the players record what they play for the echo canceller; none when null.</param>
public sealed class LocalPlayerProvider(LocalPlayerOptions playerOptions, PulseAudioSinkOptions sinkOptions, ILoggerFactory? loggerFactory = null,
    IMoodTracks? library = null, EchoReference? echoReference = null)
    : IPlayerProvider
{
    /// <inheritdoc />
    public string Name => "local";

    private readonly PlatformAudioOutputFactory _outputs = new(sinkOptions);

    /// <summary>True when the platform's output can be opened now (it is opened and closed again to check).</summary>
    public bool IsAvailable(out string? reason)
    {
        try
        {
            using var probe = _outputs.Open();
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
        new LocalPlayer(playerOptions, _outputs, loggerFactory?.CreateLogger<LocalPlayer>(), library) { EchoReference = echoReference };
}
