using System.CommandLine;

namespace OrpheusLive.Cli;

/// <summary>
/// One `orpheus` sub-command: its declaration (name, one-line summary, typed options) and its handler. The app builds
/// the System.CommandLine tree from every registered command, so parsing, <c>--help</c>, typo suggestions and the
/// one-line errors for a bad command line (exit code 2) come for free; configuration overrides
/// (<c>--Section:Key=value</c>) are taken out before parsing and work on every command.
/// </summary>
/// <remarks>
/// <para><b>How to add a command</b></para>
/// <list type="number">
/// <item>Write <c>public sealed class FooCommand(Dependencies…) : CliCommand("foo", "One line for the listing")</c>;
/// dependencies come from DI through the primary constructor (the host is built before the command runs).</item>
/// <item>Declare each option as a field, e.g.
/// <c>private readonly Option&lt;int&gt; _count = new("--count") { Description = "how many", DefaultValueFactory = _ => 3 };</c>
/// (<c>Option&lt;bool&gt;</c> is a flag; <c>Required = true</c>, <c>Validators</c> or <see cref="CliValidation.OnlyFrom"/>
/// for checks that belong to the command line), and list them in <see cref="Options"/> (positional arguments in
/// <see cref="Arguments"/>).</item>
/// <item>Implement <see cref="RunAsync"/>: read values with <c>args.GetValue(_count)</c>, return the exit code. Throw
/// <see cref="CommandLineException"/> for a command line that parses but makes no sense (exit 2, one line); user-facing
/// exceptions of the adapters (a bad file, model or setting) become one line and exit code 1.</item>
/// <item>Optionally: <see cref="Details"/> (text shown after the options in <c>--help</c>) and
/// <see cref="OwnsTerminal"/> (true for full-screen UIs: the console log is quiet while it runs).</item>
/// <item>Register it: <c>services.AddCliCommand&lt;FooCommand&gt;()</c>.</item>
/// <item>A group (<c>orpheus library scan|list|forget</c>): make each verb a <see cref="CliCommand"/> registered with
/// <c>services.AddTransient&lt;ScanCommand&gt;()</c> (not <c>AddCliCommand</c>, which makes a top-level command), take
/// them in the group's constructor and return them from <see cref="Subcommands"/>; the group's own
/// <see cref="RunAsync"/> runs when no verb is given (e.g. print its help, or do the most common one).</item>
/// </list>
/// </remarks>
/// <param name="name">The sub-command name ("listen").</param>
/// <param name="summary">One line for the command listing and the top of its help.</param>
public abstract class CliCommand(string name, string summary)
{
    /// <summary>The sub-command name ("listen").</summary>
    public string Name => name;

    /// <summary>One line for the command listing and the top of its help.</summary>
    public string Summary => summary;

    /// <summary>More help, printed after the options by <c>orpheus NAME --help</c> (null for none).</summary>
    public virtual string? Details => null;

    /// <summary>True for full-screen commands: console logging is switched off while they run (logs go to the file).</summary>
    public virtual bool OwnsTerminal => false;

    /// <summary>The command's options, in help order.</summary>
    protected abstract IEnumerable<Option> Options { get; }

    /// <summary>The verbs under this command (<c>orpheus library scan</c>), none by default; see the remarks.</summary>
    public virtual IEnumerable<CliCommand> Subcommands => [];

    /// <summary>The command's positional arguments, in order (none by default).</summary>
    protected virtual IEnumerable<Argument> Arguments => [];

    /// <summary>Runs the command with its parsed command line; returns the process exit code.</summary>
    /// <param name="args">The parse result; read option values with <c>args.GetValue(option)</c>.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C / SIGTERM.</param>
    public abstract Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken);

    /// <summary>The System.CommandLine declaration of this command: a new <see cref="Command"/> over the same options per call.</summary>
    public Command Declare()
    {
        var command = new Command(Name, Summary);
        foreach (var option in Options)
        {
            command.Options.Add(option);
        }

        foreach (var argument in Arguments)
        {
            command.Arguments.Add(argument);
        }

        return command;
    }

    /// <summary>
    /// Parses <paramref name="args"/> (the options after the command name) against this command alone, for tests that
    /// run a command in-process. Throws <see cref="CommandLineException"/> with the line the app would print.
    /// </summary>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand(Summary);
        root.Subcommands.Add(Declare());
        var result = root.Parse([Name, .. args]);
        return CommandLineErrors.OneLine(result) is { } problem ? throw new CommandLineException(problem) : result;
    }
}
