namespace OrpheusLive.Tests.Shared;

/// <summary>
/// Counts what a piece of code allocates on the test's thread, for every zero-allocation test. In a loaded full
/// <c>./test</c> run, <see cref="GC.GetAllocatedBytesForCurrentThread"/> now and then counts a one-off the code never
/// asked for (8152 B, about one allocation quantum, in one full run; twice more in the calibration tests while another
/// test assembly loaded the machine). So the code is measured over up to five passes and the fewest bytes count: an
/// allocation the code makes on every run shows in every pass, so a test cannot pass by accident.
/// </summary>
public static class Allocations
{
    private const int Passes = 5;

    /// <summary>
    /// The fewest bytes <paramref name="run"/> allocated on this thread in one pass, over up to five passes (stopping at
    /// the first that allocated nothing).
    /// </summary>
    /// <param name="run">The code to measure, already warmed up (JIT, first-use buffers); it runs once per pass.</param>
    public static long OnThisThread(Action run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var fewest = long.MaxValue;
        for (var pass = 0; pass < Passes && fewest > 0; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
