using System.CommandLine;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Library;

namespace OrpheusLive.Commands.Library;

/// <summary>
/// <c>orpheus library scan [DIR…] [--json]</c>: analyses the audio files under the folders, or without one the folders
/// the library knows (<see cref="MusicLibrary.Folders"/>: those earlier scans walked). Unchanged, renamed and moved
/// files are recognised by content and not analysed again; Ctrl+C stops and the next scan resumes; exit 1 only when no
/// folder could be read, 2 when no folder is given and the library knows none.
/// </summary>
public sealed class LibraryScanCommand(Lazy<MusicLibrary> library, IOptions<LibraryOptions> options)
    : CliCommand("scan", "Analyse the audio files (WAV, FLAC, MP3, Ogg Vorbis, Opus) under the folders")
{
    private readonly Argument<string[]> _folders = new("DIR")
    {
        Description = "folders to scan (recursively); none: the folders earlier scans walked, again",
        Arity = ArgumentArity.ZeroOrMore,
    };

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
        if (folders.Length == 0 && !MusicLibrary.Exists(options.Value))
        {
            Console.Error.WriteLine("orpheus library scan: no folder given, and the library has not scanned one yet; name one, e.g. 'orpheus library scan ~/Music'.");
            return Task.FromResult(2); // nothing is opened, so no empty database is created
        }

        return LibraryVerbs.RunAsync(library, c => c.ScanAsync(folders, json, progressBar: !json && !Console.IsErrorRedirected, cancellationToken));
    }
}
