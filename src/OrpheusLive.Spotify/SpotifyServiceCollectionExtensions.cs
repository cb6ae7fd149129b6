using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Http;
using OrpheusLive.Spotify.Playback;
using OrpheusLive.Spotify.Setup;

namespace OrpheusLive.Spotify;

/// <summary>DI registration of the Spotify player.</summary>
public static class SpotifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Spotify options (section <c>Spotify</c>, validated at start like every setting: a missing client id
    /// is valid, so other commands run without a Spotify setup), the HTTP clients, token store and provider, login flow,
    /// Web API client, the <see cref="IPlayerProvider"/> named "spotify", the <see cref="ITargetValidator"/> of Spotify
    /// URIs and links, and the <see cref="MoodPlaylistSetup"/> that offers the user's playlists after login. Needs an
    /// <c>IConfiguration</c> in the container (the host adds it), and an <see cref="IMoodMapStore"/> for the playlist setup.
    /// Calling it twice is harmless.
    /// </summary>
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SpotifyRequestSender)))
        {
            return services; // already registered: a second AddHttpClient would stack its configuration
        }

        services.AddOptions<SpotifyOptions>().BindConfiguration(SpotifyOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpotifyOptions>, SpotifyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBrowserLauncher, SystemBrowserLauncher>();

        // No IHttpClientFactory loggers: they would log every request URI at Information, and the accounts client carries
        // codes and refresh tokens. SpotifyRequestSender logs method, path and status itself.
        services.AddHttpClient(SpotifyHttpClientNames.Api, (sp, client) => Configure(client, sp.GetRequiredService<IOptions<SpotifyOptions>>().Value.ApiBaseUri))
            .RemoveAllLoggers();
        services.AddHttpClient(SpotifyHttpClientNames.Accounts, (sp, client) => Configure(client, sp.GetRequiredService<IOptions<SpotifyOptions>>().Value.AccountsBaseUri))
            .RemoveAllLoggers();

        services.AddSingleton<SpotifyRateLimitGate>();
        services.AddSingleton<SpotifyRequestSender>();
        services.AddSingleton<SpotifyTokenStore>();
        services.AddSingleton<SpotifyAccountsClient>();
        services.AddSingleton(sp => new SpotifyTokenProvider(
            sp.GetRequiredService<SpotifyTokenStore>(),
            sp.GetRequiredService<SpotifyAccountsClient>(),
            sp.GetRequiredService<IOptions<SpotifyOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SpotifyTokenProvider>>()));
        services.AddSingleton(sp => new SpotifyClient(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<SpotifyTokenProvider>(),
            sp.GetRequiredService<SpotifyRequestSender>()));
        services.AddTransient(sp => new SpotifyLogin(
            sp.GetRequiredService<SpotifyAccountsClient>(),
            sp.GetRequiredService<SpotifyTokenStore>(),
            sp.GetRequiredService<SpotifyTokenProvider>(),
            sp.GetRequiredService<SpotifyClient>(),
            sp.GetRequiredService<IBrowserLauncher>(),
            sp.GetRequiredService<IOptions<SpotifyOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SpotifyLogin>>()));
        services.AddTransient(sp => new MoodPlaylistSetup(
            sp.GetRequiredService<SpotifyClient>(),
            sp.GetRequiredService<IMoodMapStore>(),
            sp.GetRequiredService<ILogger<MoodPlaylistSetup>>()));
        services.AddSingleton(sp => new SpotifyPlayerProvider(
            sp.GetRequiredService<IOptions<SpotifyOptions>>(),
            sp.GetRequiredService<SpotifyTokenStore>(),
            sp.GetRequiredService<SpotifyClient>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IPlayerProvider>(sp => sp.GetRequiredService<SpotifyPlayerProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITargetValidator, SpotifyTargetValidator>());
        return services;
    }

    private static void Configure(HttpClient client, Uri baseAddress)
    {
        client.BaseAddress = baseAddress;

        // Each attempt has its own timeout in the resilience pipeline; HttpClient's would cut across retries.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("OrpheusLive/1.0");
    }
}
