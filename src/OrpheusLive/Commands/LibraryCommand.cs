using OrpheusLive.Cli;
using OrpheusLive.Library;
using OrpheusLive.Library.Cli;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Commands;

/// <summary>
/// <c>orpheus library scan|list|forget|prune|map</c>: the music library (issue #11). Parses the command line and hands
/// over to <see cref="LibraryConsole"/>; the library is opened only once the command line is known to be right.
/// </summary>
public sealed class LibraryCommand(Lazy<MusicLibrary> library) : ICliCommand
{
    /// <inheritdoc />
    public string Name => "library";

    /// <inheritdoc />
    public string Summary => "Analyse your music folders into moods (scan, list, forget, prune, map)";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus library scan DIR… [--json]
               orpheus library list [--mood MOOD] [--json]
               orpheus library forget PATH
               orpheus library prune
               orpheus library map --out FILE.png|FILE.svg

          scan    analyse the audio files (WAV, FLAC, MP3, Ogg Vorbis, Opus) under the folders; unchanged, renamed and
                  moved files are not analysed again; Ctrl+C stops and the next scan resumes. Exit 1 only when no
                  folder could be read. --json: one {"type":"track",…} line per file and a {"type":"summary",…} line.
          list    every track with its tempo, valence, arousal, mood and cluster (--mood: one mood's analysed tracks)
          forget  remove a file from the library
          prune   remove every file that no longer exists
          map     draw the tracks in the valence–arousal plane and the cluster map

        The library is Library:Database (default: library.db in the user data directory).
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sub = args.Positional.FirstOrDefault()?.ToLowerInvariant() ?? throw new CommandLineException("say what to do: scan, list, forget, prune or map");
        var rest = args.Positional.Skip(1).ToList();
        Func<LibraryConsole, Task<int>> run = sub switch
        {
            "scan" => Checked(args, rest, 1, int.MaxValue, "scan needs at least one folder", ["json"],
                c => c.ScanAsync(rest, args.Has("json"), progressBar: !args.Has("json") && !Console.IsErrorRedirected, cancellationToken)),
            "list" => Checked(args, rest, 0, 0, "list takes no folder or file", ["json", "mood"], c => Task.FromResult(c.List(args.Value("mood"), args.Has("json")))),
            "forget" => Checked(args, rest, 1, 1, "forget needs exactly one PATH", [], c => Task.FromResult(c.Forget(rest[0]))),
            "prune" => Checked(args, rest, 0, 0, "prune takes no arguments", [], c => Task.FromResult(c.Prune())),
            "map" => Checked(args, rest, 0, 0, "map takes its file as --out FILE.png|FILE.svg", ["out"], c => Task.FromResult(c.Map(MapPath(args)))),
            _ => throw new CommandLineException($"unknown library command '{sub}'; use scan, list, forget, prune or map"),
        };

        try
        {
            return await run(new LibraryConsole(library.Value, Console.Out, Console.Error)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is LibraryStoreException or LibraryBusyException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static Func<LibraryConsole, Task<int>> Checked(CommandArgs args, List<string> rest, int min, int max, string problem, string[] options,
        Func<LibraryConsole, Task<int>> run)
    {
        args.RejectUnknown([.. options, "help"]);
        if (rest.Count < min || rest.Count > max) throw new CommandLineException(problem);
        return run;
    }

    private static string MapPath(CommandArgs args)
    {
        var path = args.Value("out") ?? throw new CommandLineException("map needs --out FILE.png or --out FILE.svg");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new CommandLineException($"--out '{path}': the map is written as .png or .svg");
        return path;
    }
}
