using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Library;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The music library's moods for the mapping editor: each mood that has analysed tracks, as the target
/// <c>library:&lt;mood&gt;</c> (the built-in player then picks that mood's tracks nearest the mood's point).
/// </summary>
/// <param name="tracks">The library's tracks as the library view reads them (a mood only for analysed ones).</param>
public sealed class LibraryMoodCatalog(ILibraryCatalog tracks) : ITargetCatalog
{
    /// <inheritdoc />
    public string Title => "library moods";

    /// <inheritdoc />
    /// <exception cref="OrpheusLive.Library.Storage.LibraryStoreException">The library database cannot be used (the editor shows the message).</exception>
    public async Task<IReadOnlyList<TargetChoice>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await tracks.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. all
            .Where(t => !string.IsNullOrEmpty(t.Mood))
            .GroupBy(t => t.Mood!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TargetChoice($"{g.Key} ({g.Count()} tracks)", $"library:{g.Key.ToLowerInvariant()}"))];
    }
}
