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
using Serilog;

namespace OrpheusLive;

/// <summary>
/// The `orpheus` entry point: picks the sub-command, builds the Generic Host with configuration
/// (config/appsettings.json → user appsettings.json → environment → <c>--Section:Key=value</c>) and Serilog,
/// runs the command and turns user-facing failures into one-line errors.
/// </summary>
public static class OrpheusApp
{
    /// <summary>The command run when none is given: the live dashboard.</summary>
    public const string DefaultCommand = "run";

    /// <summary>Commands that draw a full-screen UI: console logging is off while they run (logs go to the file).</summary>
    private static readonly HashSet<string> FullScreenCommands = [DefaultCommand, "map"];

    /// <summary>Runs `orpheus` with <paramref name="args"/> and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (commandName, configArgs, commandArgs) = SplitArguments(args);
        if (commandName is "--version" or "version")
        {
            Console.WriteLine($"orpheus {typeof(OrpheusApp).Assembly.GetName().Version}");
            return 0;
        }

        IHost host;
        try
        {
            host = BuildHost(configArgs, commandName);
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            await Console.Error.WriteLineAsync($"orpheus: {UserMessage(e)}");
            return 1;
        }

        using (host)
        {
            var commands = host.Services.GetServices<ICliCommand>().ToList();
            if (commandName is "help" or "--help" or "-h")
            {
                PrintHelp(commands, commandArgs.FirstOrDefault());
                return 0;
            }

            var command = commands.FirstOrDefault(c => string.Equals(c.Name, commandName, StringComparison.OrdinalIgnoreCase));
            if (command is null)
            {
                await Console.Error.WriteLineAsync($"orpheus: unknown command '{commandName}'. Run 'orpheus help' for the list.");
                return 2;
            }

            return await RunCommandAsync(host, command, commandArgs);
        }
    }

    private static async Task<int> RunCommandAsync(IHost host, ICliCommand command, IReadOnlyList<string> commandArgs)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("orpheus");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            var parsed = CommandArgs.Parse(commandArgs, command.Flags);
            if (parsed.Has("help"))
            {
                Console.WriteLine(command.Usage);
                return 0;
            }

            await host.StartAsync(lifetime.ApplicationStopping);
            var code = await command.RunAsync(parsed, lifetime.ApplicationStopping);
            return code;
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"orpheus {command.Name}: {e.Message}");
            await Console.Error.WriteLineAsync(command.Usage);
            return 2;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            logger.LogDebug("{Command} failed: {Message}", command.Name, UserMessage(e)); // printed below, once
            await Console.Error.WriteLineAsync($"orpheus {command.Name}: {UserMessage(e)}");
            return 1;
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "{Command} crashed", command.Name);
            await Console.Error.WriteLineAsync($"orpheus {command.Name}: unexpected error: {e.Message} (details in the log)");
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

            await Log.CloseAndFlushAsync();
        }
    }

    private static IHost BuildHost(IReadOnlyList<string> configArgs, string commandName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "orpheus",
        });
        builder.Configuration.AddOrpheusConfiguration(configArgs);

        // Logging is built before commands are resolved, so full-screen commands are known by name.
        var ownsTerminal = FullScreenCommands.Contains(commandName);
        builder.Logging.AddOrpheusLogging(builder.Configuration, ownsTerminal);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddOrpheusServices(builder.Configuration).AddMediaKeysFor(commandName);
        var host = builder.Build();
        return host;
    }

    /// <summary>Splits the command name, configuration overrides (<c>--Section:Key=value</c>) and command options.</summary>
    internal static (string Command, IReadOnlyList<string> ConfigArgs, IReadOnlyList<string> CommandArgs) SplitArguments(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : DefaultCommand;
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        if (args.Length > 0 && args[0] is "--help" or "-h" or "--version")
        {
            command = args[0];
            rest = args[1..];
        }

        var config = new List<string>();
        var options = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            var isConfig = arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=')[0].Contains(':', StringComparison.Ordinal);
            if (!isConfig)
            {
                options.Add(arg);
                continue;
            }

            config.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < rest.Length)
            {
                config.Add(rest[++i]);
            }
        }

        return (command.ToLowerInvariant(), config, options);
    }

    private static bool IsUserFacing(Exception e) =>
        e is ModelException or AudioSourceException or AudioDecodeException or MoodMapException or OptionsValidationException
            or InvalidDataException or FileNotFoundException or UnauthorizedAccessException
        || e.InnerException is not null && IsUserFacing(e.InnerException);

    private static string UserMessage(Exception e) => e switch
    {
        ModelException or AudioSourceException or AudioDecodeException or MoodMapException => e.Message,
        OptionsValidationException o => o.OneLine(),
        _ when e.InnerException is not null && IsUserFacing(e.InnerException) => UserMessage(e.InnerException),
        _ => e.Message,
    };

    private static void PrintHelp(IReadOnlyList<ICliCommand> commands, string? about)
    {
        var match = commands.FirstOrDefault(c => string.Equals(c.Name, about, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            Console.WriteLine(match.Usage);
            return;
        }

        Console.WriteLine("orpheus — mood-driven music from the sound of your voice");
        Console.WriteLine();
        Console.WriteLine("usage: orpheus [command] [options] [--Section:Key=value ...]");
        Console.WriteLine();
        foreach (var c in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {c.Name,-10} {c.Summary}");
        }

        Console.WriteLine();
        Console.WriteLine($"Without a command, '{DefaultCommand}' opens the live dashboard. 'orpheus help COMMAND' shows a command's options.");
    }
}
