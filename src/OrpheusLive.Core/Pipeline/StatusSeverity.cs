namespace OrpheusLive.Core.Pipeline;

/// <summary>Severity of a <see cref="StatusEvent"/>.</summary>
public enum StatusSeverity
{
    /// <summary>Informational (a condition cleared).</summary>
    Info,

    /// <summary>Something is degraded but the app keeps running.</summary>
    Warning,

    /// <summary>Something stopped working.</summary>
    Error,
}
