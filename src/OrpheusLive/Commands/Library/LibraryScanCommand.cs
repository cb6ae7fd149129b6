using System.CommandLine;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary>
/// <c>orpheus library scan DIR… [--json]</c>: analyses the audio files under the folders. Unchanged, renamed and moved
/// files are recognised by content and not analysed again; Ctrl+C stops and the next scan resumes; exit 1 only when no
/// folder could be read.
/// </summary>
public sealed class LibraryScanCommand(Lazy<MusicLibrary> library) : CliCommand("scan", "Analyse the audio files (WAV, FLAC, MP3, Ogg Vorbis, Opus) under the folders")
{
    private readonly Argument<string[]> _folders = new("DIR") { Description = "folders to scan (recursively)", Arity = ArgumentArity.OneOrMore };

    private readonly Option<bool> _json = new("--json") { Description = "one {\"type\":\"track\",…} line per file and a final {\"type\":\"summary\",…} line" };

    /// <inheritdoc />
    public override string Details => "Without --json a progress bar is drawn on a terminal. A broken file is reported as failed and the scan goes on.";

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_json];

    /// <inheritdoc />
    protected override IEnumerable<Argument> Arguments => [_folders];

    /// <inheritdoc />
    public override Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folders = args.GetValue(_folders) ?? [];
        var json = args.GetValue(_json);
        return LibraryVerbs.RunAsync(library, c => c.ScanAsync(folders, json, progressBar: !json && !Console.IsErrorRedirected, cancellationToken));
    }
}
