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
        services.AddSettingsSection<T>(section);
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Makes <paramref name="section"/>'s keys known to <see cref="SettingsCheck"/> as the properties of
    /// <typeparamref name="T"/> (done by <see cref="AddValidatedOptions{T}"/>; call it for options an adapter binds itself).
    /// </summary>
    public static IServiceCollection AddSettingsSection<T>(this IServiceCollection services, string section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new SettingsSection(section, typeof(T)));
        return services;
    }

    /// <summary>The sections registered with <see cref="AddSettingsSection{T}"/> so far (before the host is built).</summary>
    public static IEnumerable<SettingsSection> SettingsSections(this IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(SettingsSection)).Select(d => d.ImplementationInstance).OfType<SettingsSection>();

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
