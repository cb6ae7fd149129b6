using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Cli;

namespace OrpheusLive.Commands.Tui;

/// <summary>Registration of the full-screen commands (<c>run</c>, <c>map</c>).</summary>
public static class TuiCommandExtensions
{
    /// <summary>
    /// Registers <c>orpheus run</c> (the dashboard, also the default command) and <c>orpheus map</c>. Device selection in
    /// the dashboard is enabled by registering a <see cref="OrpheusLive.Tui.Devices.PlaybackDevicesFactory"/> singleton.
    /// </summary>
    public static IServiceCollection AddTuiCommands(this IServiceCollection services)
    {
        services.AddCliCommand<RunCommand>();
        services.AddCliCommand<MapCommand>();
        return services;
    }
}
