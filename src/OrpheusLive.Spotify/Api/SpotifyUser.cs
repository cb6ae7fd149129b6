namespace OrpheusLive.Spotify.Api;

/// <summary>The logged-in user (<c>PrivateUserObject</c> from <c>GET /me</c>).</summary>
/// <param name="Id">The Spotify user id.</param>
/// <param name="DisplayName">The profile name.</param>
/// <param name="Product">"premium", "free" or "open"; present with the user-read-private scope.</param>
public sealed record SpotifyUser(string? Id, string? DisplayName, string? Product)
{
    /// <summary>True when the account can control playback.</summary>
    public bool IsPremium => string.Equals(Product, "premium", StringComparison.OrdinalIgnoreCase);
}
