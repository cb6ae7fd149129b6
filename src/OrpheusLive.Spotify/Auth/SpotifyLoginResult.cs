namespace OrpheusLive.Spotify.Auth;

/// <summary>The outcome of a successful <c>orpheus login</c>.</summary>
/// <param name="DisplayName">The Spotify profile name, when it could be read.</param>
/// <param name="Product">"premium", "free", ...; null when unknown.</param>
/// <param name="Scope">The granted scopes.</param>
/// <param name="TokenFile">Where the login was saved.</param>
public sealed record SpotifyLoginResult(string? DisplayName, string? Product, string? Scope, string TokenFile)
{
    /// <summary>True when the account is known to be Premium.</summary>
    public bool IsPremium => string.Equals(Product, "premium", StringComparison.OrdinalIgnoreCase);
}
