namespace OrpheusLive.Spotify.Api;

/// <summary>The playing track or episode: only the fields this app shows.</summary>
/// <param name="Uri">The item's Spotify URI.</param>
/// <param name="Name">The title.</param>
/// <param name="Type">"track" or "episode".</param>
/// <param name="Artists">The artists of a track.</param>
public sealed record SpotifyPlaybackItem(string? Uri, string? Name, string? Type, IReadOnlyList<SpotifyArtist>? Artists)
{
    /// <summary>"Title — Artist, Artist", or just the title.</summary>
    public string? DisplayTitle => Artists is { Count: > 0 } artists && Name is not null
        ? $"{Name} — {string.Join(", ", artists.Select(a => a.Name))}"
        : Name;
}
