using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Storage;
using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Auth;

/// <summary>Reads and writes the token file (owner-only permissions, atomic replace).</summary>
public sealed class SpotifyTokenStore(IOptions<SpotifyOptions> options, ILogger<SpotifyTokenStore> logger)
{
    /// <summary>The token file's full path.</summary>
    public string FilePath => options.Value.TokenFilePath;

    /// <summary>
    /// Reads the saved login. Never throws for a missing, unreadable or corrupt file: the result says what is wrong.
    /// A corrupt file is left in place (the user is told; deleting secrets behind their back would hide the problem).
    /// </summary>
    public SpotifyTokenReadResult Read()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return new SpotifyTokenReadResult(null, SpotifyMessages.NotLoggedIn, FileExists: false);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("The Spotify token file {Path} cannot be read: {Error}", path, ex.Message);
            return new SpotifyTokenReadResult(null, $"The Spotify token file {path} cannot be read ({ex.Message}): fix its permissions or run `orpheus login`.", FileExists: true);
        }

        SpotifyToken? token;
        try
        {
            token = JsonSerializer.Deserialize(bytes, SpotifyJsonContext.Default.SpotifyToken);
        }
        catch (JsonException)
        {
            // The parser's message can quote the file's content, i.e. a token: never pass it on.
            token = null;
        }

        if (token is null || !token.IsComplete)
        {
            logger.LogWarning("The Spotify token file {Path} is corrupt; treating the user as logged out", path);
            return new SpotifyTokenReadResult(null, $"The Spotify token file {path} is corrupt: run `orpheus login` to replace it (or `orpheus logout` to remove it). Until then Spotify is treated as logged out.", FileExists: true);
        }

        return new SpotifyTokenReadResult(token, null, FileExists: true);
    }

    /// <summary>Saves <paramref name="token"/>, readable by the owner only.</summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task SaveAsync(SpotifyToken token, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(token, SpotifyJsonContext.Default.SpotifyToken);
        await AtomicFile.WriteAllBytesAsync(FilePath, bytes, ownerOnly: true, cancellationToken).ConfigureAwait(false);
        logger.LogDebug("Saved the Spotify login to {Path} (expires {ExpiresAt:u})", FilePath, token.ExpiresAt);
    }

    /// <summary>Deletes the token file. Returns false when there was none.</summary>
    /// <exception cref="IOException">The file exists but could not be deleted.</exception>
    public bool Delete()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
