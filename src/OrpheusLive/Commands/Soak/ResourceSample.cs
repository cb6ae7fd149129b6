using System.Diagnostics;

namespace OrpheusLive.Commands.Soak;

/// <summary>Process resources at one moment.</summary>
/// <param name="ManagedBytes">Managed heap after a full collection.</param>
/// <param name="RssBytes">Resident set size.</param>
/// <param name="Handles">Open handles (file descriptors on Linux).</param>
/// <param name="Threads">Threads.</param>
public sealed record ResourceSample(long ManagedBytes, long RssBytes, int Handles, int Threads)
{
    /// <summary>Measures now, after a full, compacting collection so garbage does not count as growth.</summary>
    public static ResourceSample Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResourceSample(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.HandleCount, process.Threads.Count);
    }
}
