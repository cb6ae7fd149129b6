using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary><c>orpheus library list [--mood M] [--json]</c>: every analysed track with tempo, valence, arousal, mood and cluster.</summary>
public sealed class LibraryListCommand(Lazy<MusicLibrary> library) : CliCommand("list", "Every track with its tempo, valence, arousal, mood and cluster")
{
    private readonly Option<string> _mood = new("--mood") { Description = "only this mood's tracks", HelpName = "MOOD" };

    private readonly Option<bool> _json = new("--json") { Description = "one JSON object per track" };

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_mood, _json];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var mood = args.GetValue(_mood);
        var json = args.GetValue(_json);
        return LibraryVerbs.RunAsync(library, c => Task.FromResult(c.List(mood, json)));
    }
}
