using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Tui.Dashboard;

/// <summary>A warning or error the user should see, in plain words.</summary>
/// <param name="Severity">How serious it is.</param>
/// <param name="Text">The message.</param>
public sealed record WarningLine(StatusSeverity Severity, string Text);
