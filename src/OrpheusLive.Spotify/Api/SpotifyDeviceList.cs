namespace OrpheusLive.Spotify.Api;

/// <summary>The body of <c>GET /me/player/devices</c>.</summary>
/// <param name="Devices">The available devices.</param>
internal sealed record SpotifyDeviceList(IReadOnlyList<SpotifyDevice>? Devices);
