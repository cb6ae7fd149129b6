namespace OrpheusLive.Spotify.Api;

/// <summary>
/// Spotify's own editorial and algorithmic playlists ("Peaceful Piano", "Daily Mix"): their ids start with
/// <c>37i9dQZF1</c>. Since November 2024 apps in development mode (every user's own app) cannot read them, so a
/// mapping that relies on them is offered the user's own playlists instead.
/// </summary>
public static class SpotifyEditorialPlaylists
{
    private const string IdPrefix = "37i9dQZF1";

    /// <summary>True when <paramref name="target"/> (a <c>spotify:playlist:</c> URI or an open.spotify.com link) is a Spotify-owned playlist.</summary>
    public static bool IsEditorial(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var id = target.StartsWith("spotify:playlist:", StringComparison.Ordinal)
            ? target["spotify:playlist:".Length..]
            : Uri.TryCreate(target, UriKind.Absolute, out var link) && link.Host.EndsWith("open.spotify.com", StringComparison.OrdinalIgnoreCase) &&
              link.AbsolutePath.StartsWith("/playlist/", StringComparison.Ordinal)
                ? link.AbsolutePath["/playlist/".Length..]
                : null;
        return id is not null && id.StartsWith(IdPrefix, StringComparison.Ordinal);
    }
}
