namespace OrpheusLive.Tui.Dashboard;

/// <summary>One line of the recent-events timeline, ready to show.</summary>
/// <param name="Time">Audio time (or span) as text ("0:12" or "0:12-0:18").</param>
/// <param name="Text">What happened, in plain words.</param>
/// <param name="Kind">What kind of event it was (the renderer styles by it).</param>
public sealed record TimelineLine(string Time, string Text, TimelineKind Kind);
