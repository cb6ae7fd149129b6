namespace OrpheusLive.Core.Playback;

/// <summary>The verdict of an <see cref="ITargetValidator"/> on a target it recognises.</summary>
/// <param name="Target">The normalised target ("spotify:playlist:…" for a link), or null when it is invalid.</param>
/// <param name="Error">Why it is invalid, in plain words (starting lower case, no final period), or null.</param>
public sealed record TargetCheck(string? Target, string? Error)
{
    /// <summary>A valid target, normalised.</summary>
    public static TargetCheck Valid(string target) => new(target, null);

    /// <summary>An invalid target and why.</summary>
    public static TargetCheck Invalid(string error) => new(null, error);
}
