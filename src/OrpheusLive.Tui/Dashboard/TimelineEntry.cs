namespace OrpheusLive.Tui.Dashboard;

/// <summary>
/// A timeline entry while it can still grow: consecutive windows with the same top emotion (or silence) are merged
/// into one entry so the short timeline shows changes, not every window.
/// </summary>
internal sealed record TimelineEntry(double Start, double End, TimelineKind Kind, string Label, int Count, double ConfidenceSum)
{
    public bool Extends(TimelineKind kind, string label) =>
        Kind == kind && kind is TimelineKind.Emotion or TimelineKind.Silence && string.Equals(Label, label, StringComparison.Ordinal);

    public TimelineEntry Merge(double end, double confidence) =>
        this with { End = end, Count = Count + 1, ConfidenceSum = ConfidenceSum + confidence };
}
