namespace OrpheusLive.Tui.Devices;

/// <summary>An output device music can be played on.</summary>
/// <param name="Id">The player's id for it.</param>
/// <param name="Name">What the user sees ("Kitchen speaker").</param>
/// <param name="IsActive">True for the device playing now.</param>
public sealed record PlaybackDevice(string Id, string Name, bool IsActive);
