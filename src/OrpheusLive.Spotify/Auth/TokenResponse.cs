namespace OrpheusLive.Spotify.Auth;

/// <summary>The token endpoint's success body.</summary>
/// <param name="AccessToken">The new access token.</param>
/// <param name="TokenType">"Bearer".</param>
/// <param name="ExpiresIn">Lifetime in seconds.</param>
/// <param name="RefreshToken">The refresh token: sent on login; a refresh (since June 2026) omits it and the old one stays valid.</param>
/// <param name="Scope">The granted scopes.</param>
internal sealed record TokenResponse(string? AccessToken, string? TokenType, int ExpiresIn, string? RefreshToken, string? Scope)
{
    /// <inheritdoc />
    public override string ToString() => $"TokenResponse(expires_in {ExpiresIn}, scope '{Scope}')";
}
