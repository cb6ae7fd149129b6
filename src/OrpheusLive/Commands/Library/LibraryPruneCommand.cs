using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary><c>orpheus library prune</c>: removes every track whose file no longer exists.</summary>
public sealed class LibraryPruneCommand(Lazy<MusicLibrary> library) : CliCommand("prune", "Remove every track whose file no longer exists")
{
    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken) =>
        LibraryVerbs.RunAsync(library, c => Task.FromResult(c.Prune()));
}
