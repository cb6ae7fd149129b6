namespace OrpheusLive.Cli;

/// <summary>
/// One `orpheus` sub-command. Commands are registered in DI (<c>services.AddCliCommand&lt;T&gt;()</c>)
/// and resolved by <see cref="Name"/>; the host is built before the command runs, so commands take
/// their dependencies through their constructor.
/// </summary>
public interface ICliCommand
{
    /// <summary>The sub-command name ("listen").</summary>
    string Name { get; }

    /// <summary>One line for the help listing.</summary>
    string Summary { get; }

    /// <summary>Usage text shown by `orpheus help NAME` and after a usage error.</summary>
    string Usage { get; }

    /// <summary>Options that take no value (<c>--json</c>), so the parser does not swallow the next token.</summary>
    IReadOnlySet<string> Flags { get; }

    /// <summary>Runs the command. Returns the process exit code.</summary>
    Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken);
}
