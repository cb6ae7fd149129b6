using OrpheusLive.Tui.Editor;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>A target catalog with fixed entries (as the Spotify playlists or the library moods would be).</summary>
public sealed class TestCatalog(string title, params TargetChoice[] choices) : ITargetCatalog
{
    public string Title => title;

    public Task<IReadOnlyList<TargetChoice>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TargetChoice>>(choices);
}
