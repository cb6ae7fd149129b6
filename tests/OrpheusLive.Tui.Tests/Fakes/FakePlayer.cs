using OrpheusLive.Core.Playback;

namespace OrpheusLive.Tui.Tests.Fakes;

public sealed class FakePlayer : IPlayer
{
    public string Name => "console";

    public NowPlaying? Current { get; set; }

    public int Skips { get; private set; }

    public Exception? SkipFailure { get; set; }

    public Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(PlaybackResult.Ok(request.Targets[0]));

    public Task PauseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ResumeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SkipAsync(CancellationToken cancellationToken)
    {
        Skips++;
        return SkipFailure is null ? Task.CompletedTask : Task.FromException(SkipFailure);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
