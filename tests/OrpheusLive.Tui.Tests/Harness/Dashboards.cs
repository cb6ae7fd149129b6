using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Library;
using OrpheusLive.Tui.Live;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>Starts the real dashboard entry point headless.</summary>
public static class Dashboards
{
    public static Task<HeadlessTerminal> StartAsync(TestPipeline pipeline, IMoodMapStore? moods = null, IPlaybackDevices? devices = null,
        int width = 110, int height = 34, bool noColor = false, IReadOnlyList<ITargetCatalog>? catalogs = null, ILibraryCatalog? library = null,
        ILibraryRescan? rescan = null) =>
        HeadlessTerminal.StartAsync(
            options => TerminalDashboard.RunAsync(pipeline, moods ?? new Fakes.InMemoryMoodMapStore(Fakes.InMemoryMoodMapStore.DefaultMap()), devices,
                new DashboardOptions { Terminal = options, TargetCatalogs = catalogs ?? [], Library = library, LibraryRescan = rescan }, CancellationToken.None),
            width, height, noColor);
}
