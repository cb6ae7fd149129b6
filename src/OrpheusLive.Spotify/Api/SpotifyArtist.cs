namespace OrpheusLive.Spotify.Api;

/// <summary>An artist of a track (<c>SimplifiedArtistObject</c>).</summary>
/// <param name="Name">The artist's name.</param>
/// <param name="Uri">The artist's Spotify URI.</param>
public sealed record SpotifyArtist(string? Name, string? Uri);
