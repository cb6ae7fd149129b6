using System.Security.Cryptography;
using System.Text;

namespace OrpheusLive.Spotify.Auth;

/// <summary>Proof Key for Code Exchange (RFC 7636), S256 method.</summary>
internal static class Pkce
{
    /// <summary>A code verifier: 64 bytes from the CSPRNG, base64url-encoded (86 characters, within RFC 7636's 43–128).</summary>
    public static string CreateVerifier() => Base64Url(RandomNumberGenerator.GetBytes(64));

    /// <summary>The S256 challenge: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeFor(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>A random <c>state</c> value that ties the callback to this login attempt.</summary>
    public static string CreateState() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
