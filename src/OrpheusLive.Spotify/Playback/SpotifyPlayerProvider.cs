using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Spotify.Playback;

/// <summary>Offers the Spotify player when a client id is configured and a readable login is saved.</summary>
public sealed class SpotifyPlayerProvider : IPlayerProvider
{
    private readonly IOptions<SpotifyOptions> _options;
    private readonly SpotifyTokenStore _store;
    private readonly SpotifyClient _client;
    private readonly ILoggerFactory _loggerFactory;

    internal SpotifyPlayerProvider(IOptions<SpotifyOptions> options, SpotifyTokenStore store, SpotifyClient client, ILoggerFactory loggerFactory)
    {
        _options = options;
        _store = store;
        _client = client;
        _loggerFactory = loggerFactory;
    }

    /// <inheritdoc />
    public string Name => SpotifyPlayer.PlayerName;

    /// <inheritdoc />
    public bool IsAvailable(out string? reason)
    {
        SpotifyOptions options;
        try
        {
            options = _options.Value;
        }
        catch (OptionsValidationException ex)
        {
            reason = ex.Message;
            return false;
        }

        if (!options.HasClientId)
        {
            reason = SpotifyMessages.ClientIdMissing;
            return false;
        }

        var read = _store.Read();
        reason = read.Problem;
        return read.IsLoggedIn;
    }

    /// <inheritdoc />
    public IPlayer Create() => new SpotifyPlayer(_client, _options, _loggerFactory.CreateLogger<SpotifyPlayer>());
}
