namespace OrpheusLive.Spotify.Auth;

/// <summary>The token endpoint's error body: <c>{"error":"invalid_grant","error_description":"…"}</c>.</summary>
/// <param name="Error">The OAuth error code.</param>
/// <param name="ErrorDescription">Spotify's explanation.</param>
internal sealed record TokenErrorResponse(string? Error, string? ErrorDescription);
