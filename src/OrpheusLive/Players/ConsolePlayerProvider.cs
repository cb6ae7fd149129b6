using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Players;

/// <summary>Provides the <see cref="ConsolePlayer"/>, always available.</summary>
public sealed class ConsolePlayerProvider(ILogger<ConsolePlayer> logger) : IPlayerProvider
{
    /// <inheritdoc />
    public string Name => "console";

    /// <inheritdoc />
    public bool IsAvailable(out string? reason)
    {
        reason = null;
        return true;
    }

    /// <inheritdoc />
    public IPlayer Create() => new ConsolePlayer(logger);
}
