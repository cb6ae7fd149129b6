using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Hosting;

/// <summary>A running listen session and the resources it owns (input, player).</summary>
public sealed class LiveSession(ListenSession pipeline, IAudioSource source, IPlayer player, IReadOnlyList<string> warnings) : IAsyncDisposable
{
    /// <summary>The pipeline.</summary>
    public ListenSession Pipeline { get; } = pipeline;

    /// <summary>Warnings found while setting up (player fallback, mapping file problems), in plain words.</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Pipeline.Dispose();
        await player.DisposeAsync().ConfigureAwait(false);
        await source.DisposeAsync().ConfigureAwait(false);
    }
}
