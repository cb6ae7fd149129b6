using System.Diagnostics;

namespace OrpheusLive.Onnx.Tests;

[CollectionDefinition(nameof(ThreadCountTests), DisableParallelization = true)]
public sealed class ThreadCountCollection;

/// <summary>
/// Model:IntraOpThreads reaches the session by behaviour: ONNX Runtime starts intra-op - 1 pool threads per session.
/// Runs alone so no other test changes the process's thread count meanwhile.
/// </summary>
[Collection(nameof(ThreadCountTests))]
public sealed class ThreadCountTests
{
    [Fact]
    public void Intra_op_threads_setting_reaches_the_session_thread_pool()
    {
        byte[] model = File.ReadAllBytes(TestFiles.Fixture("tiny_waveform.onnx"));
        using (OnnxModelSession.OpenFromMemory(model, intraOpThreads: 1))
        {
            // warm: the first session also loads the library and creates the environment
        }

        int baseline = ThreadCount();
        using var single = OnnxModelSession.OpenFromMemory(model, intraOpThreads: 1);
        int afterSingle = ThreadCount();
        using var five = OnnxModelSession.OpenFromMemory(model, intraOpThreads: 5);
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
