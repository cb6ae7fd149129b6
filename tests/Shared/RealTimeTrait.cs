namespace OrpheusLive.Tests.Shared;

/// <summary>
/// The trait that marks a test as real-time audio on a sound server whose outcome depends on the machine keeping up
/// (an echo canceller converging on what PulseAudio delivers, the app deciding on speech played in real time).
/// <c>./test</c> runs every other test first, with the test projects in parallel, and these afterwards in a phase of
/// their own, one project at a time (<c>--filter Category=RealTime</c>), so the load of the other test assemblies on a
/// 2-core machine cannot starve their audio threads.
/// </summary>
public static class RealTimeTrait
{
    /// <summary>The trait's name, as <c>dotnet test --filter</c> matches it.</summary>
    public const string Name = "Category";

    /// <summary>The trait's value.</summary>
    public const string Value = "RealTime";
}
