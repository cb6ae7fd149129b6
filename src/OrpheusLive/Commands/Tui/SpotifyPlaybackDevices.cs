using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Playback;
using OrpheusLive.Tui.Devices;

namespace OrpheusLive.Commands.Tui;

/// <summary>The dashboard's device chooser ([d]) for the Spotify player: Spotify Connect devices, moved with a transfer.</summary>
public sealed class SpotifyPlaybackDevices(SpotifyClient client) : IPlaybackDevices
{
    /// <summary>Device selection for the player named <paramref name="playerName"/> when it is the Spotify player, else null.</summary>
    public static IPlaybackDevices? For(string playerName, Func<SpotifyClient> client)
    {
        ArgumentNullException.ThrowIfNull(playerName);
        ArgumentNullException.ThrowIfNull(client);
        return string.Equals(playerName, SpotifyPlayer.PlayerName, StringComparison.OrdinalIgnoreCase)
            ? new SpotifyPlaybackDevices(client())
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlaybackDevice>> ListAsync(CancellationToken cancellationToken)
    {
        var devices = await client.GetDevicesAsync(cancellationToken);

        // Restricted devices (and ones without an id) refuse Web API control; offering them would only fail.
        return [.. devices
            .Where(d => !d.IsRestricted && !string.IsNullOrEmpty(d.Id))
            .Select(d => new PlaybackDevice(d.Id!, string.IsNullOrWhiteSpace(d.Type) ? d.Name ?? d.Id! : $"{d.Name} ({d.Type})", d.IsActive))];
    }

    /// <inheritdoc />
    public Task SelectAsync(PlaybackDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return client.TransferPlaybackAsync(device.Id, play: true, cancellationToken);
    }
}
