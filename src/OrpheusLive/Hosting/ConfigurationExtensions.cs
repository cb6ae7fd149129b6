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
        configuration.AddJsonFile(shipped, optional: false, reloadOnChange: false);
        AddUserFile(configuration, user);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. configArgs]);
        return configuration;
    }

    // A broken file is one line naming the file, the line and what is wrong (System.Text.Json's reason).
    private static void AddUserFile(IConfigurationBuilder configuration, string path)
    {
        try
        {
            configuration.AddJsonFile(path, optional: true, reloadOnChange: false);
        }
        catch (InvalidDataException e)
        {
            var json = e.InnerException as System.Text.Json.JsonException ?? e.InnerException?.InnerException as System.Text.Json.JsonException;
            var where = json?.LineNumber is { } line ? $" line {line + 1}" : "";
            var why = json is null ? e.InnerException?.Message ?? e.Message : Reason(json.Message);
            throw new InvalidDataException($"{path}{where}: not valid JSON: {why} Fix or delete the file (the defaults are in config/appsettings.json).", e);
        }
    }

    // "'x' is invalid after a value. Expected either ',', '}', or ']'. Path: $.Debounce | LineNumber: 4 | BytePositionInLine: 2."
    // without the position details the line number already gives.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        cut = cut < 0 ? message.IndexOf(" LineNumber: ", StringComparison.Ordinal) : cut;
        return cut < 0 ? message : message[..cut];
    }
}
