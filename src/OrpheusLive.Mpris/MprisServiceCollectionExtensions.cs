using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Mpris;

/// <summary>DI registration of the media-key (MPRIS) adapter.</summary>
public static class MprisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the MPRIS player as a hosted service (options section <c>Mpris</c>). It drives the app through the
    /// <c>IPipelineControl</c> the host registers, and starts when the host starts: on Linux with a session bus it
    /// exports <c>org.mpris.MediaPlayer2.orpheus</c>; without one it logs one warning; elsewhere it does nothing.
    /// Calling it twice is harmless (the first call's <paramref name="reportToPipeline"/> holds).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="reportToPipeline">Also put a "media keys are off" warning in the pipeline state (for the dashboard,
    /// where the log is not on the screen), with the id <c>mediakeys.unavailable</c>.</param>
    public static IServiceCollection AddMpris(this IServiceCollection services, bool reportToPipeline = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MprisService)))
        {
            return services;
        }

        services.AddOptions<MprisOptions>().BindConfiguration(MprisOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<ISessionBusLocator, EnvironmentSessionBusLocator>();
        services.AddSingleton(sp => new MprisService(
            sp.GetRequiredService<IPipelineControl>(),
            sp.GetRequiredService<ISessionBusLocator>(),
            sp.GetRequiredService<IOptions<MprisOptions>>(),
            sp.GetRequiredService<ILogger<MprisService>>()) { ReportToPipeline = reportToPipeline });
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MprisService>());
        return services;
    }
}
