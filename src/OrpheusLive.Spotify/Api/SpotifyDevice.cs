namespace OrpheusLive.Spotify.Api;

/// <summary>A Spotify Connect device (<c>DeviceObject</c>).</summary>
/// <param name="Id">The device id; Spotify documents it as nullable.</param>
/// <param name="IsActive">True for the currently active device.</param>
/// <param name="IsPrivateSession">True while the device is in a private session.</param>
/// <param name="IsRestricted">True when the device accepts no Web API commands.</param>
/// <param name="Name">The human-readable name ("Kitchen speaker").</param>
/// <param name="Type">"Computer", "Smartphone", "Speaker", ...</param>
/// <param name="VolumePercent">The volume 0–100, when known.</param>
/// <param name="SupportsVolume">True when the volume can be set.</param>
public sealed record SpotifyDevice(
    string? Id,
    bool IsActive,
    bool IsPrivateSession,
    bool IsRestricted,
    string? Name,
    string? Type,
    int? VolumePercent,
    bool SupportsVolume);
