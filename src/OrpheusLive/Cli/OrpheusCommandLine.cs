using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace OrpheusLive.Cli;

/// <summary>
/// The `orpheus` command tree (System.CommandLine) built from the registered <see cref="CliCommand"/>s: one
/// sub-command each, <c>--help</c>/<c>-h</c> on every level (with each command's <see cref="CliCommand.Details"/>),
/// <c>--version</c>, and <see cref="DefaultCommand"/> when the command line starts with an option or is empty.
/// </summary>
public sealed class OrpheusCommandLine
{
    /// <summary>The command run when none is given: the live dashboard.</summary>
    public const string DefaultCommand = "run";

    private const string Description = """
        orpheus — mood-driven music from the sound of your voice.

        Without a command, 'run' opens the live dashboard. 'orpheus COMMAND --help' shows a command's options.
        Any setting can be given on any command as --Section:Key=value (or --Section:Key value), e.g.
        --Debounce:Threshold=0.8; they override appsettings.json and environment variables (Section__Key).
        """;

    private readonly Dictionary<Command, CliCommand> _commands = [];

    /// <summary>Declares every command of <paramref name="commands"/>; <paramref name="run"/> runs the chosen one.</summary>
    /// <param name="commands">The registered commands.</param>
    /// <param name="run">Runs a command with its parse result (the app starts the host first); returns the exit code.</param>
    public OrpheusCommandLine(IEnumerable<CliCommand> commands, Func<CliCommand, ParseResult, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(run);
        foreach (var command in commands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Root.Subcommands.Add(Declare(command, run));
        }

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithDetails((HelpAction)help.Action!, _commands);
    }

    /// <summary>The root command (<c>orpheus</c>).</summary>
    public RootCommand Root { get; } = new(Description);

    /// <summary>
    /// Parses a command line (configuration overrides already taken out): <c>help [COMMAND]</c> means
    /// <c>[COMMAND] --help</c>, and a line that starts with an option (or is empty) runs <see cref="DefaultCommand"/>.
    /// </summary>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Root.Parse(Normalize(args));
    }

    /// <summary>The command a parse result selected, or null (the root: help, version).</summary>
    public CliCommand? Selected(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _commands.GetValueOrDefault(result.CommandResult.Command);
    }

    // The command with its action and, for a group, its verbs (each runs through `run` too).
    private Command Declare(CliCommand command, Func<CliCommand, ParseResult, CancellationToken, Task<int>> run)
    {
        var declared = command.Declare();
        declared.SetAction((result, cancellationToken) => run(command, result, cancellationToken));
        foreach (var verb in command.Subcommands)
        {
            declared.Subcommands.Add(Declare(verb, run));
        }

        _commands[declared] = command;
        return declared;
    }

    private List<string> Normalize(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return [DefaultCommand];
        }

        var first = args[0];
        if (first == "help")
        {
            return [.. args.Skip(1).Take(1), "--help"];
        }

        if (first.StartsWith('-') && first is not ("--help" or "-h" or "-?" or "--version"))
        {
            return [DefaultCommand, .. args];
        }

        // Command names are matched case-insensitively, like the settings.
        var known = Root.Subcommands.FirstOrDefault(c => string.Equals(c.Name, first, StringComparison.OrdinalIgnoreCase));
        return known is null ? [.. args] : [known.Name, .. args.Skip(1)];
    }

    /// <summary>The standard help, then the command's own notes (keys, endpoints, file formats).</summary>
    private sealed class HelpWithDetails(HelpAction standard, IReadOnlyDictionary<Command, CliCommand> commands) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            if (commands.GetValueOrDefault(parseResult.CommandResult.Command)?.Details is { } details)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(details.TrimEnd());
                output.WriteLine();
            }

            return code;
        }
    }
}
