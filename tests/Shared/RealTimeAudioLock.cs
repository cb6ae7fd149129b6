namespace OrpheusLive.Tests.Shared;

/// <summary>
/// A lock across test processes for the tests that play and record real-time audio on a sound server (the echo tests
/// of the Audio and the integration test projects). A plain <c>dotnet test</c> runs the test projects in parallel (<c>./test</c>
/// runs these tests in a phase of their own, <see cref="RealTimeTrait"/>); two such tests at once on a loaded 2-core
/// machine starve each other's audio (measured: the echo test's ERLE fell from 30 to 1.2 dB), so they take this lock, an
/// exclusively opened file in the temp folder that the OS releases if a test process dies.
/// </summary>
public sealed class RealTimeAudioLock : IDisposable
{
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "orpheus-tests-realtime-audio.lock");

    private readonly FileStream _file;

    private RealTimeAudioLock(FileStream file) => _file = file;

    /// <summary>Waits until no other test process holds the lock (polling every 250 ms), then holds it.</summary>
    /// <param name="cancellationToken">Gives up waiting (the test's own timeout).</param>
    public static async Task<RealTimeAudioLock> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new RealTimeAudioLock(new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another test process: this is synchronisation between processes, not a wait the test's
                // outcome depends on.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
