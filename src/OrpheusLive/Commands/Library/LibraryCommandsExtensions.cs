using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Cli;

namespace OrpheusLive.Commands.Library;

/// <summary>Registration of <c>orpheus library</c> and its verbs.</summary>
public static class LibraryCommandsExtensions
{
    /// <summary>Registers the <c>library</c> group (top level) and its verbs (under it only).</summary>
    public static IServiceCollection AddLibraryCommands(this IServiceCollection services)
    {
        services.AddTransient<LibraryScanCommand>();
        services.AddTransient<LibraryListCommand>();
        services.AddTransient<LibraryForgetCommand>();
        services.AddTransient<LibraryPruneCommand>();
        services.AddTransient<LibraryMapCommand>();
        services.AddCliCommand<LibraryCommand>();
        return services;
    }
}
