namespace OrpheusLive.Spotify.Api;

/// <summary>Where playback starts inside a context (<c>{"position":5}</c> or <c>{"uri":"spotify:track:…"}</c>).</summary>
/// <param name="Position">Zero-based position.</param>
/// <param name="Uri">The track to start at.</param>
public sealed record PlaybackOffset(int? Position = null, string? Uri = null);
