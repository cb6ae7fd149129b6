using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Api.Endpoints;
using OrpheusLive.Api.Scans;
using OrpheusLive.Api.Security;
using OrpheusLive.Api.Uploads;

namespace OrpheusLive.Api;

/// <summary>Registers what the API endpoints need in the web host's container.</summary>
public static class OrpheusApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's shared singletons (model, mood store, live feed, event JSON, logger factory), the analyzer
    /// pool, the mood editor, the API key filter and snake_case JSON.
    /// </summary>
    public static IServiceCollection AddOrpheusApi(this IServiceCollection services, ApiOptions options, OrpheusApiDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dependencies);

        // Instances, not factories: the app owns (and disposes) them, the web host only borrows them.
        services.AddSingleton(dependencies.Loggers);
        services.AddSingleton(dependencies.Classifier);
        services.AddSingleton(dependencies.Moods);
        services.AddSingleton(dependencies.Feed);
        services.AddSingleton(dependencies.EventJson);
        services.AddSingleton(dependencies.Listen);
        services.AddSingleton(Options.Create(options));

        services.AddSingleton(new UploadDecoder(dependencies.Decoder));
        services.AddSingleton(sp => new ClipAnalyzerPool(dependencies.Classifier, dependencies.SpeechDetectors, dependencies.Listen) { NoiseSuppressionDb = dependencies.NoiseSuppressionDb });
        services.AddSingleton(sp => new MoodMapEditor(dependencies.Moods, sp.GetRequiredService<ILogger<MoodMapEditor>>()));
        services.AddSingleton(new TrackCatalog(dependencies.Library));
        services.AddSingleton(sp => new LibraryScans(dependencies.Library, dependencies.Feed, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<LibraryScans>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LibraryScans>());
        services.AddSingleton<ApiKeyFilter>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null; // labels and moods stay as they are
        });
        return services;
    }
}
