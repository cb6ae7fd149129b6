namespace OrpheusLive.Tui.Devices;

/// <summary>
/// Gives device selection for the player named <paramref name="playerName"/> (the pipeline state's player), or null when
/// that player has no devices to choose from. The host registers one per player kind that supports devices (none
/// registered: [d] explains it is unavailable).
/// </summary>
public delegate IPlaybackDevices? PlaybackDevicesFactory(string playerName);
