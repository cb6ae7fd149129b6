using OrpheusLive.Tui.Calibration;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Hosting;
using OrpheusLive.Tui.Library;

namespace OrpheusLive.Tui.Live;

/// <summary>How the dashboard runs.</summary>
public sealed class DashboardOptions
{
    /// <summary>The terminal (real, or headless in tests).</summary>
    public TerminalUiOptions Terminal { get; init; } = new();

    /// <summary>Where the mapping editor ([m]) offers targets from besides local folders (Spotify playlists, library moods).</summary>
    public IReadOnlyList<ITargetCatalog> TargetCatalogs { get; init; } = [];

    /// <summary>The user's music library for the library view ([l]), or null when the host has none.</summary>
    public ILibraryCatalog? Library { get; init; }

    /// <summary>The enrolment behind the calibration screen ([c]), or null when the host has none.</summary>
    public IEnrolmentStudio? Enrolment { get; init; }

    /// <summary>Rescans the music library from the library view ([r]), or null when the host cannot scan.</summary>
    public ILibraryRescan? LibraryRescan { get; init; }

    /// <summary>Shortest time between two redraws for new states (at most four a second by default).</summary>
    public TimeSpan RedrawInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the answer to a key stays on the screen.</summary>
    public TimeSpan NoticeDuration { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How long a control (pause the music, skip, move to a device) may take before it is reported as failed.</summary>
    public TimeSpan ControlTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
