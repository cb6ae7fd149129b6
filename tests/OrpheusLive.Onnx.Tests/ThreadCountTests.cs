using System.Diagnostics;
using OrpheusLive.Onnx.Interop;

namespace OrpheusLive.Onnx.Tests;

[CollectionDefinition(nameof(ThreadCountTests), DisableParallelization = true)]
public sealed class ThreadCountCollection;

/// <summary>
/// Tells SetIntraOpNumThreads (slot 24) apart from its neighbour SetInterOpNumThreads (25) by behaviour: ONNX Runtime
/// starts intra-op - 1 pool threads per session, while inter-op threads only exist in parallel execution mode.
/// Runs alone so no other test changes the process's thread count meanwhile.
/// </summary>
[Collection(nameof(ThreadCountTests))]
public sealed class ThreadCountTests
{
    [Fact]
    public void Intra_op_threads_setting_reaches_the_session_thread_pool()
    {
        byte[] model = File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx"));
        int baseline = ThreadCount();
        using var single = OrtSession.OpenFromMemory(OrtApi.Shared, model, intraOpThreads: 1);
        int afterSingle = ThreadCount();
        using var five = OrtSession.OpenFromMemory(OrtApi.Shared, model, intraOpThreads: 5);
        int afterFive = ThreadCount();

        (afterSingle - baseline).ShouldBeLessThan(2);
        (afterFive - afterSingle).ShouldBeGreaterThanOrEqualTo(4);
    }

    private static int ThreadCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }
}
