using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary>
/// <c>orpheus library map --out FILE.png|FILE.svg</c>: the "map of music" — tracks in the valence–arousal plane coloured
/// by mood, and the PCA view of the clusters.
/// </summary>
public sealed class LibraryMapCommand(Lazy<MusicLibrary> library) : CliCommand("map", "Draw the tracks in the valence–arousal plane and the cluster map")
{
    private readonly Option<string> _out = CreateOut();

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_out];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var path = args.GetValue(_out)!;
        return LibraryVerbs.RunAsync(library, c => Task.FromResult(c.Map(path)));
    }

    private static Option<string> CreateOut()
    {
        var option = new Option<string>("--out") { Description = "the picture to write: .png or .svg", HelpName = "FILE", Required = true };
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            var extension = path is null ? null : Path.GetExtension(path).ToLowerInvariant();
            if (path is not null && extension is not (".png" or ".svg"))
            {
                result.AddError($"--out '{path}': the map is written as .png or .svg");
            }
        });
        return option;
    }
}
