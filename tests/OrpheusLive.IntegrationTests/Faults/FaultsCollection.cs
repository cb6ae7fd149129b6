namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// The fault-matrix tests start real processes, daemons and mounts; they run one at a time (and not alongside the
/// other integration tests) so a loaded machine only has to carry one of them at once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults";
}
