namespace OrpheusLive.Tui.Dashboard;

/// <summary>What a key press on the dashboard asks for.</summary>
public enum DashboardAction
{
    /// <summary>The key means nothing here.</summary>
    None,

    /// <summary>Pause or resume listening.</summary>
    TogglePause,

    /// <summary>Skip to the next track.</summary>
    Skip,

    /// <summary>Choose the playback device.</summary>
    ChooseDevice,

    /// <summary>Open the mapping editor.</summary>
    EditMapping,

    /// <summary>Show or hide the timeline.</summary>
    ToggleTimeline,

    /// <summary>Leave the dashboard.</summary>
    Quit,
}
