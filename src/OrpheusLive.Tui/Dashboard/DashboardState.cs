namespace OrpheusLive.Tui.Dashboard;

/// <summary>Where the listening session is, as the dashboard tells the user.</summary>
public enum DashboardState
{
    /// <summary>The pipeline has not analysed anything yet.</summary>
    Starting,

    /// <summary>Audio is being analysed.</summary>
    Listening,

    /// <summary>The user paused listening.</summary>
    Paused,

    /// <summary>The file input ended; the dashboard waits for the user to quit.</summary>
    InputEnded,

    /// <summary>The pipeline stopped because of an error.</summary>
    Stopped,
}
