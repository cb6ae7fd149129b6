using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Cli;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Tui.Devices;

namespace OrpheusLive.Commands.Tui;

/// <summary>Registration of the full-screen commands (<c>run</c>, <c>map</c>).</summary>
public static class TuiCommandExtensions
{
    /// <summary>
    /// Registers <c>orpheus run</c> (the dashboard, also the default command) and <c>orpheus map</c>, and the dashboard's
    /// device selection for the Spotify player (any other player kind can add its own <see cref="PlaybackDevicesFactory"/>), and
    /// <see cref="MusicLibraryCatalog"/>, the music library as the dashboard's library view ([l]) reads it.
    /// </summary>
    public static IServiceCollection AddTuiCommands(this IServiceCollection services)
    {
        // The Spotify client is resolved only when the dashboard runs with the Spotify player.
        services.AddSingleton<PlaybackDevicesFactory>(sp => player =>
            SpotifyPlaybackDevices.For(player, sp.GetRequiredService<SpotifyClient>));
        services.AddSingleton(sp => new MappingTargetCatalogs(
            sp.GetRequiredService<OrpheusLive.Spotify.Auth.SpotifyTokenStore>(), sp.GetRequiredService<SpotifyClient>,
            sp.GetRequiredService<MusicLibraryCatalog>()));
        services.AddSingleton<MusicLibraryCatalog>();
        services.AddCliCommand<RunCommand>();
        services.AddCliCommand<MapCommand>();
        return services;
    }
}
