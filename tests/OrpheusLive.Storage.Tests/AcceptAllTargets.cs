using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Storage.Tests;

/// <summary>Target rules that accept any target as written, except "bad:…" (the store's own logic is under test, not a player's grammar).</summary>
internal sealed class AcceptAllTargets : ITargetValidator
{
    public static MoodTargetRules Rules { get; } = new([new AcceptAllTargets()]);

    public string Description => "any target";

    public TargetCheck? Check(string target, bool mustExist) =>
        target.StartsWith("bad:", StringComparison.Ordinal) ? TargetCheck.Invalid($"'{target}' is bad") : TargetCheck.Valid(target);
}
