using OrpheusLive.Library;
using OrpheusLive.Library.Cli;
using OrpheusLive.Library.Storage;

namespace OrpheusLive.Commands.Library;

/// <summary>What every library verb does around its work: open the library, run, and turn its refusals into one line.</summary>
internal static class LibraryVerbs
{
    /// <summary>
    /// Runs <paramref name="run"/> on a console over the (lazily opened) library; a damaged database, a library busy
    /// with another scan or a path it cannot use becomes one line on stderr and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(Lazy<MusicLibrary> library, Func<LibraryConsole, Task<int>> run)
    {
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
}
