using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Hosting;

namespace OrpheusLive;

/// <summary>
/// The `orpheus` entry point: takes the configuration overrides (<c>--Section:Key=value</c>) out of the command line,
/// builds the Generic Host with configuration (config/appsettings.json → user appsettings.json → environment →
/// overrides; every key checked) and Serilog, parses the rest with System.CommandLine, starts the host, runs the chosen
/// command and turns user-facing failures into one line on standard error: exit 1 for bad input or configuration,
/// 2 for a bad command line, never a stack trace on the console (the log file keeps it).
/// </summary>
public static class OrpheusApp
{
    /// <summary>Runs `orpheus` with <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (overrides, commandLine) = ConfigurationOverrides.Split(args);
        IHost host;
        try
        {
            host = BuildHost(overrides, CommandName(commandLine));
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await Console.Error.WriteLineAsync($"orpheus: {UserMessage(e)}");
            return 1;
        }

        using (host)
        {
            IEnumerable<CliCommand> commands;
            try
            {
                // Commands are built with their dependencies: a bad setting one of them reads is one line, not a crash.
                commands = [.. host.Services.GetServices<CliCommand>()];
            }
            catch (Exception e) when (IsUserFacing(e))
            {
                await Console.Error.WriteLineAsync($"orpheus: {UserMessage(e)}");
                return 1;
            }

            var cli = new OrpheusCommandLine(commands, (command, parsed, _) => RunCommandAsync(host, command, parsed));
            var parsed = cli.Parse(commandLine);
            if (CommandLineErrors.OneLine(parsed) is { } problem)
            {
                await Console.Error.WriteLineAsync($"{CommandLineErrors.Prefix(parsed)}: {problem}");
                return 2;
            }

            // Help and --version print and return; a command's action starts the host and runs it (RunCommandAsync).
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
    }

    /// <summary>
    /// The top-level command the line names, before parsing (the host is built first): its first word, or the default
    /// <c>run</c> when it starts with an option. Only decides what the host registers for that command (media keys).
    /// </summary>
    private static string CommandName(IReadOnlyList<string> commandLine) =>
        commandLine.Count > 0 && !commandLine[0].StartsWith('-') ? commandLine[0].ToLowerInvariant() : "run";

    private static async Task<int> RunCommandAsync(IHost host, CliCommand command, ParseResult args)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("orpheus");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        host.Services.GetRequiredService<ConsoleLogSwitch>().TerminalOwned = command.OwnsTerminal;
        var name = CommandLineErrors.Prefix(args);
        try
        {
            await host.StartAsync(lifetime.ApplicationStopping);
            return await command.RunAsync(args, lifetime.ApplicationStopping);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{name}: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            logger.LogDebug(e, "{Command} failed: {Message}", command.Name, UserMessage(e)); // printed below, once
            await Console.Error.WriteLineAsync($"{name}: {UserMessage(e)}");
            return 1;
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "{Command} failed unexpectedly", command.Name);
            await Console.Error.WriteLineAsync($"{name}: unexpected error: {OneLine(e.Message)} (details in the log)");
            return 70;
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await host.StopAsync(stopTimeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Best effort: we are exiting anyway.
            }
        }
    }

    private static IHost BuildHost(IReadOnlyList<string> overrides, string commandName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "orpheus",
        });
        builder.Configuration.AddOrpheusConfiguration(overrides);
        builder.Services.AddOrpheusLogging(builder.Configuration);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddOrpheusServices(builder.Configuration).AddMediaKeysFor(commandName);

        // Before anything binds a setting: an unknown key or a value of the wrong type is one line naming it.
        SettingsCheck.ThrowIfInvalid(builder.Configuration, builder.Services.SettingsSections());
        return builder.Build();
    }

    private static bool IsUserFacing(Exception e) =>
        e is ModelException or AudioSourceException or AudioDecodeException or MoodMapException or OptionsValidationException
            or InvalidDataException or FileNotFoundException or UnauthorizedAccessException
        || e.InnerException is not null && IsUserFacing(e.InnerException);

    private static string UserMessage(Exception e) => OneLine(e switch
    {
        ModelException or AudioSourceException or AudioDecodeException or MoodMapException => e.Message,
        InvalidDataException or FileNotFoundException or UnauthorizedAccessException => e.Message,
        OptionsValidationException o => o.OneLine(),
        _ when e.InnerException is not null && IsUserFacing(e.InnerException) => UserMessage(e.InnerException),
        _ => e.Message,
    });

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
