using System.CommandLine;
using OrpheusLive.Cli;

namespace OrpheusLive.Commands.Library;

/// <summary>
/// <c>orpheus library scan|list|forget|prune|map</c>: the music library (issue #11) as a group of verbs. Each verb parses
/// its own command line and hands over to <see cref="OrpheusLive.Library.Cli.LibraryConsole"/>; the library is opened
/// only once the command line is known to be right.
/// </summary>
public sealed class LibraryCommand(
    LibraryScanCommand scan,
    LibraryListCommand list,
    LibraryForgetCommand forget,
    LibraryPruneCommand prune,
    LibraryMapCommand map) : CliCommand("library", "Analyse your music folders into moods (scan, list, forget, prune, map)")
{
    /// <inheritdoc />
    public override IEnumerable<CliCommand> Subcommands => [scan, list, forget, prune, map];

    /// <inheritdoc />
    public override string Details => "The library is Library:Database (default: library.db in the user data directory).";

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken) =>
        throw new CommandLineException("say what to do: scan, list, forget, prune or map ('orpheus library --help' explains them)");
}
