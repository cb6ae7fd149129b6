namespace OrpheusLive.IntegrationTests;

/// <summary>
/// Tests that run the app in real time against a sound server and compare what it decides: they run one at a time
/// and not alongside the other integration tests, so a loaded 2-core machine keeps up with the audio.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "RealTime";
}
