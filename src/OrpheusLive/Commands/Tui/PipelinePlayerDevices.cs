using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Tui.Devices;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The dashboard's device chooser ([d]) for whichever player the pipeline uses at the moment of the key press: the
/// player can change during a run (an expired Spotify login hands over to the built-in player), so the choice is made
/// per call from the state, not once at start.
/// </summary>
public sealed class PipelinePlayerDevices(IPipelineControl pipeline, IReadOnlyList<PlaybackDevicesFactory> factories) : IPlaybackDevices
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The current player has no devices to choose from (the message says so).</exception>
    public Task<IReadOnlyList<PlaybackDevice>> ListAsync(CancellationToken cancellationToken) =>
        Current().ListAsync(cancellationToken);

    /// <inheritdoc />
    public Task SelectAsync(PlaybackDevice device, CancellationToken cancellationToken) =>
        Current().SelectAsync(device, cancellationToken);

    private IPlaybackDevices Current()
    {
        var player = pipeline.Current.Playback.Player;
        foreach (var factory in factories)
        {
            if (factory(player) is { } devices)
            {
                return devices;
            }
        }

        throw new InvalidOperationException(
            $"Device selection is available with the Spotify player; the {(player.Length == 0 ? "current" : player)} player plays on this computer's output.");
    }
}
