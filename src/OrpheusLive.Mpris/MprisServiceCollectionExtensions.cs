using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace OrpheusLive.Mpris;

/// <summary>DI registration of the media-key (MPRIS) adapter.</summary>
public static class MprisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MPRIS player as a hosted service (options section <c>Mpris</c>). It drives the app through the
    /// <c>IPipelineControl</c> the host registers, and starts when the host starts: on Linux with a session bus it
    /// exports <c>org.mpris.MediaPlayer2.orpheus</c>; without one it logs one warning; elsewhere it does nothing.
    /// Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddMpris(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MprisService)))
        {
            return services;
        }

        services.AddOptions<MprisOptions>().BindConfiguration(MprisOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<ISessionBusLocator, EnvironmentSessionBusLocator>();
        services.AddSingleton<MprisService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MprisService>());
        return services;
    }
}
