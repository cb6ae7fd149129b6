using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Players;

/// <summary>
/// The player <c>auto</c> hands out when it picks Spotify: plays on the primary player until one of its results says it
/// cannot play any more for good (<see cref="WarningIds.SpotifyLoginExpired"/>: the login is gone), then creates the
/// fallback (the built-in local player) and plays the same request there, so the music goes on. The switch is reported
/// once, in that request's result (its <see cref="PlaybackResult.WarningId"/> and message); from then on every command
/// goes to the fallback. <see cref="Name"/> and <see cref="Current"/> are those of the player in use.
/// </summary>
public sealed class FallbackPlayer : IPlayer
{
    private readonly IPlayer _primary;
    private readonly Func<IPlayer> _createFallback;
    private readonly ILogger<FallbackPlayer> _logger;
    private IPlayer? _fallback;

    /// <summary>Creates the player.</summary>
    /// <param name="primary">The player to use while it can (Spotify).</param>
    /// <param name="createFallback">Creates the player that takes over (called once, at the switch).</param>
    /// <param name="logger">Where the switch is logged.</param>
    public FallbackPlayer(IPlayer primary, Func<IPlayer> createFallback, ILogger<FallbackPlayer> logger)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(createFallback);
        _primary = primary;
        _createFallback = createFallback;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => Active.Name;

    /// <inheritdoc />
    public NowPlaying? Current => Active.Current;

    private IPlayer Active => _fallback ?? _primary;

    /// <summary>True when <paramref name="result"/> means the primary player is done for this run (not a passing failure).</summary>
    private static bool GivesUp(PlaybackResult result) => result is { WarningId: WarningIds.SpotifyLoginExpired };

    /// <inheritdoc />
    public async Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        if (_fallback is { } fallback)
        {
            return await fallback.PlayAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var result = await _primary.PlayAsync(request, cancellationToken).ConfigureAwait(false);
        if (!GivesUp(result))
        {
            return result;
        }

        fallback = _createFallback();
        _fallback = fallback;
        _logger.LogWarning("The {Primary} player cannot play any more ({Warning}); the {Fallback} player takes over", _primary.Name, result.WarningId, fallback.Name);
        var taken = await fallback.PlayAsync(request, cancellationToken).ConfigureAwait(false);
        return taken.Started
            ? taken with { Message = $"{result.Message} Meanwhile the {fallback.Name} player plays.", WarningId = result.WarningId }
            : PlaybackResult.Failed($"{result.Message} The {fallback.Name} player could not take over: {taken.Message}", result.WarningId);
    }

    /// <inheritdoc />
    public Task PauseAsync(CancellationToken cancellationToken) => Active.PauseAsync(cancellationToken);

    /// <inheritdoc />
    public Task ResumeAsync(CancellationToken cancellationToken) => Active.ResumeAsync(cancellationToken);

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken) => Active.SkipAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _primary.DisposeAsync().ConfigureAwait(false);
        if (_fallback is { } fallback)
        {
            await fallback.DisposeAsync().ConfigureAwait(false);
        }
    }
}
