namespace OrpheusLive.Tui.Dashboard;

/// <summary>What a timeline line is about.</summary>
public enum TimelineKind
{
    /// <summary>A run of speech windows with the same top emotion.</summary>
    Emotion,

    /// <summary>A run of windows without speech.</summary>
    Silence,

    /// <summary>The music changed (or failed to) because of a mood decision.</summary>
    Decision,

    /// <summary>A status message from the pipeline.</summary>
    Status,
}
