using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Api;
using OrpheusLive.Cli;
using OrpheusLive.Hosting;

namespace OrpheusLive.Commands.Api;

/// <summary>Registration of the HTTP API command.</summary>
public static class ApiCommandServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ApiOptions"/> to the <c>Api</c> section (limits validated at start like every setting; URLs and
    /// key are checked after <c>--urls</c> is applied) and registers <c>orpheus serve</c>.
    /// </summary>
    public static IServiceCollection AddApiCommands(this IServiceCollection services)
    {
        services.AddValidatedOptions<ApiOptions>(ApiOptions.SectionName, o => [o.ValidateLimits()]);
        services.AddCliCommand<ServeCommand>();
        return services;
    }
}
