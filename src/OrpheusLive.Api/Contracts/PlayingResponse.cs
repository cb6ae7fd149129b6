namespace OrpheusLive.Api.Contracts;

/// <summary>What the player is playing.</summary>
/// <param name="Player">The player's name.</param>
/// <param name="Mood">The mood it was started for.</param>
/// <param name="Target">The URI, folder or file.</param>
/// <param name="Title">Track title, when known.</param>
/// <param name="Device">Output device, when known.</param>
/// <param name="Paused">True while paused.</param>
public sealed record PlayingResponse(string Player, string Mood, string Target, string? Title, string? Device, bool Paused);
