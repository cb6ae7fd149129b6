using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Tui.Library;

/// <summary>What the library view (<see cref="LibraryView"/>) shows and what its keys reach.</summary>
public sealed class LibraryViewOptions
{
    /// <summary>Where the tracks come from (read off the UI thread, at most <see cref="Timeout"/>).</summary>
    public required ILibraryCatalog Catalog { get; init; }

    /// <summary>The running pipeline, for "play this mood now" (Enter); without one Enter says that nothing listens.</summary>
    public IPipelineControl? Pipeline { get; init; }

    /// <summary>Rescans the library ([r], with a progress bar), or null when the host cannot scan.</summary>
    public ILibraryRescan? Rescan { get; init; }

    /// <summary>How often the progress bar of a rescan is redrawn.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where Esc goes ("back to the dashboard").</summary>
    public string LeaveText { get; init; } = "back to the dashboard";

    /// <summary>How long reading the library, or starting a mood, may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}
