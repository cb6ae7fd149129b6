using System.Diagnostics;

namespace OrpheusLive.IntegrationTests;

/// <summary>Runs a prepared child process to its end: no input, both outputs collected, killed on timeout.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="psi"/> (which must redirect standard input, output and error), closes its input and waits
    /// for it. After <paramref name="timeout"/> the whole process tree is killed and a <see cref="TimeoutException"/>
    /// naming <paramref name="what"/> and carrying its stderr is thrown.
    /// </summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(ProcessStartInfo psi, TimeSpan timeout, string what)
    {
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish in time. stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
