using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Mpris;

namespace OrpheusLive.Hosting;

/// <summary>Media keys for the commands that play music while a person listens.</summary>
public static class MediaKeysServiceCollectionExtensions
{
    /// <summary>
    /// The commands that export the MPRIS player while they run: the dashboard (<c>run</c>, also the default command)
    /// and the headless <c>listen</c>. Other commands (<c>serve</c>, <c>eval</c>, <c>login</c>, …) never touch the bus.
    /// </summary>
    public static IReadOnlySet<string> Commands { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "run", "listen" };

    /// <summary>
    /// Registers the MPRIS adapter (<see cref="MprisServiceCollectionExtensions.AddMpris"/>) when
    /// <paramref name="commandName"/> is one of <see cref="Commands"/>: media keys, desktop status bars and
    /// <c>playerctl -p orpheus</c> then control the one pipeline through its <c>IPipelineControl</c>. Without a session
    /// bus the adapter logs one warning and the command runs as before; under <c>run</c> the warning is also in the
    /// dashboard's warnings (id <c>mediakeys.unavailable</c>), since the log is not on its screen.
    /// </summary>
    public static IServiceCollection AddMediaKeysFor(this IServiceCollection services, string commandName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(commandName);
        return Commands.Contains(commandName)
            ? services.AddMpris(reportToPipeline: string.Equals(commandName, "run", StringComparison.OrdinalIgnoreCase))
            : services;
    }
}
