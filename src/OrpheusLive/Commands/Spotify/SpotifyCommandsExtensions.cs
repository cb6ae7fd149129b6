using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Cli;
using OrpheusLive.Hosting;
using OrpheusLive.Spotify;

namespace OrpheusLive.Commands.Spotify;

/// <summary>Registration of the Spotify sub-commands.</summary>
public static class SpotifyCommandsExtensions
{
    /// <summary>
    /// Registers Spotify (<see cref="SpotifyServiceCollectionExtensions.AddSpotify"/>, idempotent) and the
    /// <c>login</c>, <c>logout</c> and <c>devices</c> sub-commands.
    /// </summary>
    public static IServiceCollection AddSpotifyCommands(this IServiceCollection services)
    {
        services.AddSpotify();
        services.AddSettingsSection<SpotifyOptions>(SpotifyOptions.SectionName);
        services.AddCliCommand<LoginCommand>();
        services.AddCliCommand<LogoutCommand>();
        services.AddCliCommand<DevicesCommand>();
        return services;
    }
}
