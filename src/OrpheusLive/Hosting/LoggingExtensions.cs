using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrpheusLive.Storage;
using Serilog;
using Serilog.Events;

namespace OrpheusLive.Hosting;

/// <summary>Serilog through Serilog.Extensions.Hosting: levels from the <c>Serilog</c> section, sinks from <see cref="LogOptions"/>.</summary>
public static class LoggingExtensions
{
    /// <summary>The host's own "Hosting failed to start" error: the app reports the cause itself, in one line.</summary>
    private const string HostSource = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Makes Serilog the host's logger (<c>AddSerilog</c>). The console sink writes to standard error (standard output
    /// carries results such as <c>--json</c> lines) without stack traces, and is silent while
    /// <see cref="ConsoleLogSwitch.TerminalOwned"/>; the file sink (<see cref="LogOptions.File"/>, or the user's log
    /// folder for full-screen commands) keeps exceptions with their stack traces. Events carry structured properties,
    /// never secrets: tokens and API keys are not logged anywhere in the app.
    /// </summary>
    public static IServiceCollection AddOrpheusLogging(this IServiceCollection services, IConfiguration configuration)
    {
        var terminal = new ConsoleLogSwitch();
        services.AddSingleton(terminal);
        services.AddSettingsSection<LogOptions>(LogOptions.SectionName);
        services.AddSerilog((_, log) =>
        {
            // Read here, when the host is built: the settings check has run by then, so a bad value is one line, not a crash.
            var options = configuration.GetSection(LogOptions.SectionName).Get<LogOptions>() ?? new LogOptions();
            log.ReadFrom.Configuration(configuration).Enrich.FromLogContext();
            if (options.Console)
            {
                log.WriteTo.Logger(console => console
                    .Filter.ByExcluding(e => terminal.TerminalOwned || IsHostStartFailure(e))
                    .WriteTo.Console(
                        restrictedToMinimumLevel: options.ConsoleLevel,
                        standardErrorFromLevel: LogEventLevel.Verbose,
                        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}"));
            }

            const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";
            if (!string.IsNullOrWhiteSpace(options.File))
            {
                var file = Path.IsPathRooted(options.File) ? options.File : Path.Combine(UserPaths.ConfigDirectory, options.File);
                log.WriteTo.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7, outputTemplate: template);
                return;
            }

            // The file opens with the first event, so commands that keep the console never create one.
            log.WriteTo.Logger(file => file
                .Filter.ByIncludingOnly(_ => terminal.TerminalOwned)
                .WriteTo.File(Path.Combine(UserPaths.LogDirectory, "orpheus-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 7, outputTemplate: template));
        });
        return services;
    }

    private static bool IsHostStartFailure(LogEvent e) =>
        e.Level >= LogEventLevel.Error
        && e.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: HostSource };
}
