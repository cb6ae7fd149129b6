using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Emotions;

namespace OrpheusLive.Onnx;

/// <summary>Registers the ONNX emotion classifier and speech detector.</summary>
public static class OnnxServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OnnxOptions"/> to the <c>Model</c> section of <paramref name="configuration"/> (validated, also at
    /// host start) and
    /// registers singletons: <see cref="IEmotionClassifier"/> = <see cref="OnnxEmotionClassifier"/> and
    /// <see cref="ISpeechDetector"/> = Silero VAD with the energy-gate fallback (<see cref="SpeechDetectorFactory"/>).
    /// Both are created on first resolve; resolve <see cref="IEmotionClassifier"/> at startup to report a
    /// <see cref="ModelException"/> before the UI starts. The container disposes them.
    /// </summary>
    public static IServiceCollection AddOnnxInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        IConfigurationSection section = configuration.GetSection(OnnxOptions.SectionName);
        services.AddOptions<OnnxOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnnxOptions>>(new OnnxOptionsValidator(section)));
        services.TryAddSingleton<IEmotionClassifier>(sp => new OnnxEmotionClassifier(
            sp.GetRequiredService<IOptions<OnnxOptions>>().Value,
            sp.GetService<ILogger<OnnxEmotionClassifier>>()));
        services.TryAddSingleton<ISpeechDetector>(sp => SpeechDetectorFactory.Create(
            sp.GetRequiredService<IOptions<OnnxOptions>>().Value,
            sp.GetService<ILoggerFactory>()));
        return services;
    }
}
