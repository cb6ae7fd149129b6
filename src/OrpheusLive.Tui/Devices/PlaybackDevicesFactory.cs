using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Devices;

/// <summary>
/// Gives device selection for <paramref name="player"/>, or null when that player has no devices to choose from.
/// The host registers one per player kind that supports devices (none registered: [d] explains it is unavailable).
/// </summary>
public delegate IPlaybackDevices? PlaybackDevicesFactory(IPlayer player);
