using Microsoft.Extensions.DependencyInjection;

namespace OrpheusLive.Cli;

/// <summary>Registration of sub-commands.</summary>
public static class CliCommandExtensions
{
    /// <summary>Registers <typeparamref name="T"/> as an `orpheus` sub-command (see <see cref="CliCommand"/>).</summary>
    public static IServiceCollection AddCliCommand<T>(this IServiceCollection services)
        where T : CliCommand
    {
        services.AddTransient<T>();
        services.AddTransient<CliCommand>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
