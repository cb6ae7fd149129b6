using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrpheusLive.Hosting;

/// <summary>The one way options are registered: bound from a configuration section, validated by an <see cref="IValidateOptions{TOptions}"/>, at start.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// <c>AddOptions&lt;T&gt;()</c> bound from <paramref name="section"/> (a value of the wrong type is a validation failure naming the key, not a crash) + <see cref="SelfValidation{T}"/> over
    /// <paramref name="problems"/> + <c>ValidateOnStart()</c>: a bad value stops the host before anything runs, and each
    /// failure is one line naming the setting (<c>Debounce:Threshold must be between 0 and 1 (got 7).</c>).
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section, Func<T, IEnumerable<string?>> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<T>>(new SelfValidation<T>(problems));
        return services.AddOptions<T>()
            .Configure<Microsoft.Extensions.Configuration.IConfiguration>((options, configuration) =>
            {
                try
                {
                    Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(section), options);
                }
                catch (InvalidOperationException e)
                {
                    // A value of the wrong type ("Calibration:Mode=loud"): the binder's one line names the key and the type.
                    throw new OptionsValidationException(section, typeof(T), [e.Message + ValidValues<T>(e.Message)]);
                }
            })
            .ValidateOnStart();
    }

    // " Valid: auto, off." when the binder's message names an enum-typed key of T.
    private static string ValidValues<T>(string message)
    {
        var key = System.Text.RegularExpressions.Regex.Match(message, "at '(?:[^':]+:)*([^':]+)'").Groups[1].Value;
        var type = typeof(T).GetProperty(key)?.PropertyType;
        return type is { IsEnum: true } ? $" Valid: {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}." : "";
    }

    /// <summary>
    /// The failures of <paramref name="e"/> as one line: what the app prints for a bad setting (several failures are
    /// joined with "; ").
    /// </summary>
    public static string OneLine(this OptionsValidationException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Join("; ", e.Failures.Select(f => f.Trim()));
    }
}
