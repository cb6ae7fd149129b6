namespace OrpheusLive.Tui.Mapping;

/// <summary>The outcome of one edit of a <see cref="MappingDraft"/>.</summary>
/// <param name="Ok">True when the draft changed (or already was as asked).</param>
/// <param name="Message">What changed, or why nothing did, in plain words.</param>
public sealed record EditResult(bool Ok, string Message)
{
    /// <summary>A successful edit.</summary>
    public static EditResult Done(string message) => new(true, message);

    /// <summary>A rejected edit; the draft is unchanged.</summary>
    public static EditResult Rejected(string message) => new(false, message);
}
