using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Spotify.Playback;

/// <summary>
/// Plays moods on the user's Spotify (Connect device of their choice). One decision costs at most one play command:
/// the state is read first, a device is woken only when none is active, and what already plays is left alone.
/// </summary>
public sealed class SpotifyPlayer : IPlayer
{
    /// <summary>The player's name.</summary>
    public const string PlayerName = "spotify";

    /// <summary>How low the volume goes (fraction of the current one) while the music switches.</summary>
    private const double FadeLevel = 0.3;

    private readonly SpotifyClient _client;
    private readonly IOptions<SpotifyOptions> _options;
    private readonly ILogger<SpotifyPlayer> _logger;
    private readonly Random _random;
    private readonly TimeSpan _fadePause;
    private readonly SemaphoreSlim _commandLock = new(1, 1);
    private NowPlaying? _current;

    internal SpotifyPlayer(SpotifyClient client, IOptions<SpotifyOptions> options, ILogger<SpotifyPlayer> logger, Random? random = null, TimeSpan? fadePause = null)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _random = random ?? Random.Shared;
        _fadePause = fadePause ?? TimeSpan.FromMilliseconds(400);
    }

    /// <inheritdoc />
    public string Name => PlayerName;

    /// <inheritdoc />
    public NowPlaying? Current => _current;

    /// <inheritdoc />
    public async Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = SpotifyTargetsOf(request);
        if (candidates.Count == 0)
        {
            return PlaybackResult.Failed($"Mood '{request.Mood}' has no Spotify playlist, album, artist or track mapped (local folders need the local player).");
        }

        await _commandLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { IsPaused: false } current && current.Mood == request.Mood && candidates.Contains(current.Target))
            {
                return PlaybackResult.Ok(current.Target, alreadyPlaying: true);
            }

            return await StartAsync(request, candidates, cancellationToken).ConfigureAwait(false);
        }
        catch (SpotifyLoginExpiredException ex)
        {
            // Typed, so the pipeline shows it as its own warning and `auto` can hand the music to the built-in player.
            _logger.LogInformation("Spotify could not play mood {Mood}: the login has expired or was revoked", request.Mood);
            return PlaybackResult.Failed(ex.Message, WarningIds.SpotifyLoginExpired);
        }
        catch (Exception ex) when (ex is SpotifyApiException or SpotifyAuthException or OptionsValidationException)
        {
            _logger.LogWarning("Spotify could not play mood {Mood}: {Error}", request.Mood, ex.Message);
            return PlaybackResult.Failed(ex.Message);
        }
        finally
        {
            _commandLock.Release();
        }
    }

    /// <inheritdoc />
    public Task PauseAsync(CancellationToken cancellationToken) =>
        RunCommandAsync("pause", ct => _client.PauseAsync(null, ct), paused: true, cancellationToken);

    /// <inheritdoc />
    public Task ResumeAsync(CancellationToken cancellationToken) =>
        RunCommandAsync("resume", ct => _client.ResumePlaybackAsync(null, ct), paused: false, cancellationToken);

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken) =>
        RunCommandAsync("skip", ct => _client.NextAsync(null, ct), paused: false, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        // The HTTP clients belong to the factory; nothing of Spotify's keeps running when the player goes.
        _commandLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static List<string> SpotifyTargetsOf(PlayRequest request)
    {
        var targets = new List<string>();
        foreach (var target in request.Targets)
        {
            // Local folders (and anything else that is not a valid Spotify URI or link) are not ours.
            if (SpotifyTargetValidator.ToUri(target) is { } normalized && !targets.Contains(normalized))
            {
                targets.Add(normalized);
            }
        }

        return targets;
    }

    private static bool IsTrack(string uri) => uri.StartsWith("spotify:track:", StringComparison.Ordinal);

    private static string? PlayingTarget(SpotifyPlaybackState state, List<string> candidates)
    {
        if (!state.IsPlaying)
        {
            return null;
        }

        if (state.Context?.Uri is { } context && candidates.Contains(context))
        {
            return context;
        }

        return state.Item?.Uri is { } item && candidates.Contains(item) ? item : null;
    }

    private async Task<PlaybackResult> StartAsync(PlayRequest request, List<string> candidates, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var state = await _client.GetPlaybackStateAsync(cancellationToken).ConfigureAwait(false);
        if (state is not null && PlayingTarget(state, candidates) is { } playing)
        {
            // Already playing (started by us earlier, or by the user by hand): restarting would cut the song.
            _current = new NowPlaying(request.Mood, playing, state.Item?.DisplayTitle, state.Device?.Name, IsPaused: false);
            return PlaybackResult.Ok(playing, alreadyPlaying: true);
        }

        var shuffle = options.Shuffle ?? request.Shuffle;
        var target = shuffle ? candidates[_random.Next(candidates.Count)] : candidates[0];

        IReadOnlyList<SpotifyDevice>? devices = null;
        var device = state?.Device is { IsActive: true, Id: not null } active ? active : null;
        if (device is null)
        {
            devices = await _client.GetDevicesAsync(cancellationToken).ConfigureAwait(false);
            device = SpotifyDeviceChoice.Choose(devices, options.PreferredDevice, out var problem);
            if (device is null)
            {
                return PlaybackResult.Failed(problem!);
            }

            _logger.LogInformation("No active Spotify device; transferring playback to {Device}", device.Name);
            await _client.TransferPlaybackAsync(device.Id!, play: false, cancellationToken).ConfigureAwait(false);
        }

        if (state is null || state.ShuffleState != shuffle)
        {
            await TrySetShuffleAsync(shuffle, device.Id, cancellationToken).ConfigureAwait(false);
        }

        var restoreVolume = await FadeOutAsync(options, state, device, cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsTrack(target))
            {
                var tracks = candidates.Where(IsTrack).Where(t => t != target);
                var ordered = shuffle ? tracks.OrderBy(_ => _random.Next()) : tracks.AsEnumerable();
                await _client.StartPlaybackAsync(device.Id, null, [target, .. ordered], null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _client.StartPlaybackAsync(device.Id, target, null, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SpotifyApiException ex) when (ex.Reason == SpotifyErrorReasons.NoActiveDevice)
        {
            devices ??= await TryGetDevicesAsync(cancellationToken).ConfigureAwait(false);
            SpotifyDeviceChoice.Choose(devices.Where(d => d.Id != device.Id).ToList(), options.PreferredDevice, out var problem);
            return PlaybackResult.Failed($"Spotify device '{device.Name}' did not take the command. {problem ?? "Open Spotify on your phone or computer, or set Spotify:PreferredDevice."}");
        }
        finally
        {
            if (restoreVolume is { } volume)
            {
                await FadeInAsync(volume, device.Id).ConfigureAwait(false);
            }
        }

        _current = new NowPlaying(request.Mood, target, null, device.Name, IsPaused: false);
        _logger.LogInformation("Spotify playing {Target} for mood {Mood} on {Device}", target, request.Mood, device.Name);
        return PlaybackResult.Ok(target);
    }

    private async Task<IReadOnlyList<SpotifyDevice>> TryGetDevicesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetDevicesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SpotifyApiException)
        {
            return [];
        }
    }

    private async Task TrySetShuffleAsync(bool shuffle, string? deviceId, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SetShuffleAsync(shuffle, deviceId, cancellationToken).ConfigureAwait(false);
        }
        catch (SpotifyApiException ex) when (!ex.IsRateLimited && !ex.IsUnreachable && ex.Status != HttpStatusCode.Unauthorized && ex.Reason != SpotifyErrorReasons.PremiumRequired)
        {
            // Some devices refuse shuffle changes; the music matters more than its order.
            _logger.LogInformation("Spotify did not change shuffle: {Error}", ex.Message);
        }
    }

    /// <summary>Lowers the volume before switching when asked to and possible; returns the volume to restore.</summary>
    private async Task<int?> FadeOutAsync(SpotifyOptions options, SpotifyPlaybackState? state, SpotifyDevice device, CancellationToken cancellationToken)
    {
        var volume = device.VolumePercent ?? 0;
        if (!options.FadeVolume || state is not { IsPlaying: true } || !device.SupportsVolume || volume <= 0)
        {
            return null;
        }

        try
        {
            await _client.SetVolumeAsync((int)(volume * FadeLevel), device.Id, cancellationToken).ConfigureAwait(false);
            return volume;
        }
        catch (SpotifyApiException ex)
        {
            _logger.LogInformation("Spotify did not lower the volume: {Error}", ex.Message);
            return null;
        }
    }

    private async Task FadeInAsync(int volume, string? deviceId)
    {
        try
        {
            // Restored even when the caller gave up: leaving the user's music at 30 % would be worse than a late request.
            await Task.Delay(_fadePause, CancellationToken.None).ConfigureAwait(false);
            await _client.SetVolumeAsync(volume, deviceId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SpotifyApiException or SpotifyAuthException or OptionsValidationException)
        {
            _logger.LogWarning("Spotify did not restore the volume to {Volume} %: {Error}", volume, ex.Message);
        }
    }

    private async Task RunCommandAsync(string what, Func<CancellationToken, Task> command, bool paused, CancellationToken cancellationToken)
    {
        await _commandLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await command(cancellationToken).ConfigureAwait(false);
            if (_current is { } current)
            {
                _current = current with { IsPaused = paused };
            }
        }
        catch (Exception ex) when (ex is SpotifyApiException or SpotifyAuthException or OptionsValidationException)
        {
            // IPlayer lets these commands fail quietly: the listener keeps running and the log says why.
            _logger.LogWarning("Spotify {Command} failed: {Error}", what, ex.Message);
        }
        finally
        {
            _commandLock.Release();
        }
    }
}
