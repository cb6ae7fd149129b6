using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Core.Tests;

/// <summary>
/// A player's target rules for tests: "link:ID" is normalised to "uri:ID", anything starting with "bad:" is claimed and
/// rejected, everything else is accepted as written.
/// </summary>
internal sealed class TestTargets : ITargetValidator
{
    public static MoodTargetRules Rules { get; } = new([new TestTargets()]);

    public string Description => "a test target";

    public TargetCheck? Check(string target, bool mustExist) => target switch
    {
        _ when target.StartsWith("link:", StringComparison.OrdinalIgnoreCase) => TargetCheck.Valid("uri:" + target[5..]),
        _ when target.StartsWith("bad:", StringComparison.OrdinalIgnoreCase) => TargetCheck.Invalid($"'{target}' is not a valid test target"),
        _ => TargetCheck.Valid(target),
    };
}
