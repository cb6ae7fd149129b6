namespace OrpheusLive.Spotify.Api;

/// <summary>The body of <c>PUT /me/player</c> (transfer).</summary>
/// <param name="DeviceIds">Exactly one device id (Spotify rejects more).</param>
/// <param name="Play">True to start playing on the new device.</param>
internal sealed record TransferPlaybackBody(IReadOnlyList<string> DeviceIds, bool Play);
