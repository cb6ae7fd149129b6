using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Players;

/// <summary>
/// The simplest player: reports what it would play through the log (standard error, so standard output stays
/// clean for <c>--json</c>). Used by headless runs and when no audio output exists. It "plays" the first target of
/// a mood (deterministic, so scripted runs are repeatable).
/// </summary>
public sealed class ConsolePlayer(ILogger<ConsolePlayer> logger) : IPlayer
{
    private NowPlaying? _current;

    /// <inheritdoc />
    public string Name => "console";

    /// <inheritdoc />
    public NowPlaying? Current => _current;

    /// <inheritdoc />
    public Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Targets.Count == 0)
        {
            return Task.FromResult(PlaybackResult.Failed($"Mood '{request.Mood}' has no playlists."));
        }

        var target = request.Targets[0];
        if (_current is { } playing && playing.Mood == request.Mood && playing.Target == target)
        {
            return Task.FromResult(PlaybackResult.Ok(target, alreadyPlaying: true));
        }

        _current = new NowPlaying(request.Mood, target, Path.GetFileName(target.TrimEnd('/')), "console", false);
        logger.LogInformation("♪ Now playing {Mood}: {Target}", request.Mood, target);
        return Task.FromResult(PlaybackResult.Ok(target));
    }

    /// <inheritdoc />
    public Task PauseAsync(CancellationToken cancellationToken)
    {
        _current = _current is null ? null : _current with { IsPaused = true };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ResumeAsync(CancellationToken cancellationToken)
    {
        _current = _current is null ? null : _current with { IsPaused = false };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
