namespace OrpheusLive.Tui.Dashboard;

/// <summary>The dashboard's key bindings (the same letters the key hints show).</summary>
public static class DashboardKeys
{
    /// <summary>The action bound to <paramref name="key"/>; letters are case-insensitive, Escape does nothing (it starts terminal sequences).</summary>
    public static DashboardAction Map(ConsoleKeyInfo key) => char.ToLowerInvariant(key.KeyChar) switch
    {
        'p' => DashboardAction.TogglePause,
        'n' => DashboardAction.Skip,
        'd' => DashboardAction.ChooseDevice,
        'm' => DashboardAction.EditMapping,
        't' => DashboardAction.ToggleTimeline,
        'q' => DashboardAction.Quit,
        _ => DashboardAction.None,
    };
}
