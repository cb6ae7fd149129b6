namespace OrpheusLive.Spotify.Auth;

/// <summary>What was found in the token file.</summary>
/// <param name="Token">The saved login, or null.</param>
/// <param name="Problem">Why there is no usable login (missing, unreadable, corrupt), in plain words.</param>
/// <param name="FileExists">True when the file exists (even if it is corrupt).</param>
public sealed record SpotifyTokenReadResult(SpotifyToken? Token, string? Problem, bool FileExists)
{
    /// <summary>True when a usable login was read.</summary>
    public bool IsLoggedIn => Token is not null;
}
