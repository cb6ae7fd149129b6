using Microsoft.Extensions.Configuration;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>Where configuration comes from, lowest precedence first.</summary>
public static class ConfigurationExtensions
{
    /// <summary>
    /// Adds <c>config/appsettings.json</c> next to the app, the user's <c>appsettings.json</c> in the user config directory,
    /// environment variables (<c>Section__Key</c>) and command-line overrides (<c>--Section:Key=value</c>).
    /// </summary>
    public static IConfigurationBuilder AddOrpheusConfiguration(this IConfigurationBuilder configuration, IReadOnlyList<string> configArgs)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json");
        var user = Path.Combine(UserPaths.ConfigDirectory, "appsettings.json");
        try
        {
            configuration
                .AddJsonFile(shipped, optional: false, reloadOnChange: false)
                .AddJsonFile(user, optional: true, reloadOnChange: false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new InvalidDataException($"a configuration file is not valid JSON: {e.Message}", e);
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. configArgs]);
        return configuration;
    }
}
