namespace OrpheusLive.Tui.Devices;

/// <summary>
/// Device selection for players that support it (Spotify Connect). The dashboard's [d] key uses it when the host
/// provides one for the active player; otherwise it explains that device selection needs the Spotify player.
/// </summary>
public interface IPlaybackDevices
{
    /// <summary>The devices available now.</summary>
    Task<IReadOnlyList<PlaybackDevice>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Moves playback to <paramref name="device"/>.</summary>
    Task SelectAsync(PlaybackDevice device, CancellationToken cancellationToken);
}
