using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary><c>orpheus library forget PATH</c>: removes one file from the library (the file itself is not touched).</summary>
public sealed class LibraryForgetCommand(Lazy<MusicLibrary> library) : CliCommand("forget", "Remove a file from the library (the file stays on disk)")
{
    private readonly Argument<string> _path = new("PATH") { Description = "the file to forget" };

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    protected override IEnumerable<Argument> Arguments => [_path];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = args.GetValue(_path)!;
        return LibraryVerbs.RunAsync(library, c => Task.FromResult(c.Forget(path)));
    }
}
