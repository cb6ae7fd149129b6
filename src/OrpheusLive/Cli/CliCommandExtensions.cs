using Microsoft.Extensions.DependencyInjection;

namespace OrpheusLive.Cli;

/// <summary>Registration of sub-commands.</summary>
public static class CliCommandExtensions
{
    /// <summary>Registers <typeparamref name="T"/> as an `orpheus` sub-command.</summary>
    public static IServiceCollection AddCliCommand<T>(this IServiceCollection services)
        where T : class, ICliCommand
    {
        services.AddTransient<T>();
        services.AddTransient<ICliCommand>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
