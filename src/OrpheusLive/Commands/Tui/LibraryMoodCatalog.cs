using OrpheusLive.Library;
using OrpheusLive.Library.Storage;
using OrpheusLive.Tui.Editor;

namespace OrpheusLive.Commands.Tui;

/// <summary>
/// The music library's moods for the mapping editor: each mood that has analysed tracks, as the target
/// <c>library:&lt;mood&gt;</c> (the built-in player then picks that mood's tracks nearest the mood's point).
/// </summary>
/// <param name="library">The library, opened on first use (a damaged database is reported by the editor, not at start).</param>
public sealed class LibraryMoodCatalog(Lazy<MusicLibrary> library) : ITargetCatalog
{
    /// <inheritdoc />
    public string Title => "library moods";

    /// <inheritdoc />
    /// <exception cref="LibraryStoreException">The library database cannot be used (the editor shows the message).</exception>
    public Task<IReadOnlyList<TargetChoice>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TargetChoice> choices = [.. library.Value.List()
            .Where(t => t.Status == TrackStatus.Analysed && !string.IsNullOrEmpty(t.Mood))
            .GroupBy(t => t.Mood!, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TargetChoice($"{g.Key} ({g.Count()} tracks)", $"library:{g.Key.ToLowerInvariant()}"))];
        return Task.FromResult(choices);
    }
}
