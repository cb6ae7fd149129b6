using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrpheusLive.Storage;
using Serilog;
using Serilog.Events;

namespace OrpheusLive.Hosting;

/// <summary>Serilog set-up: levels from the <c>Serilog</c> section, sinks from the <c>Log</c> section.</summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Replaces the default providers with Serilog. Console output goes to standard error (standard output carries
    /// results such as <c>--json</c> lines) and is switched off while a full-screen UI owns the terminal.
    /// The file sink (<c>Log:File</c>, empty to disable) is always on for full-screen commands.
    /// </summary>
    public static ILoggingBuilder AddOrpheusLogging(this ILoggingBuilder logging, IConfiguration configuration, bool ownsTerminal)
    {
        var log = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext();

        if (!ownsTerminal && configuration.GetValue("Log:Console", true))
        {
            log.WriteTo.Console(
                restrictedToMinimumLevel: configuration.GetValue("Log:ConsoleLevel", LogEventLevel.Information),
                standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        }

        var file = configuration.GetValue<string>("Log:File");
        if (string.IsNullOrWhiteSpace(file) && ownsTerminal)
        {
            file = Path.Combine(UserPaths.LogDirectory, "orpheus-.log");
        }

        if (!string.IsNullOrWhiteSpace(file))
        {
            log.WriteTo.File(
                Path.IsPathRooted(file) ? file : Path.Combine(UserPaths.ConfigDirectory, file),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 7,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}");
        }

        Log.Logger = log.CreateLogger();
        logging.ClearProviders();
        logging.AddSerilog(Log.Logger, dispose: false);
        return logging;
    }
}
