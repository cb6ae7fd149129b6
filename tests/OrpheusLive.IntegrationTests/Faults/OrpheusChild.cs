using System.Diagnostics;
using System.Text;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// A long-running `orpheus` child process (serve, listen on a microphone) whose stdout is collected line by line, so a
/// test can wait for a line with a deadline, signal the process and check its exit code. Disposing kills it if it
/// still runs.
/// </summary>
internal sealed class OrpheusChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly string _commandLine;

    private OrpheusChild(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StdoutLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public string StdErr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts orpheus from the app folder with a private config directory.</summary>
    public static OrpheusChild Start(IEnumerable<string> args, string configDirectory, IDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = OrpheusProcess.AppDirectory,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(OrpheusProcess.AppDirectory, "orpheus.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ORPHEUS_CONFIG_DIR"] = configDirectory;
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var child = new OrpheusChild(process, "orpheus " + string.Join(' ', psi.ArgumentList.Skip(1)));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._gate)
                {
                    child._stdout.Add(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._gate)
                {
                    child._stderr.Append(e.Data).Append('\n');
                }
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Waits for the first stdout line at or after <paramref name="fromIndex"/> that matches; returns its index.
    /// Fails with the output so far when the deadline passes or the process exits first.
    /// </summary>
    public async Task<int> WaitForLineAsync(Func<string, bool> match, int fromIndex, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var exited = _process.HasExited;
            var lines = StdoutLines;
            for (var i = fromIndex; i < lines.Count; i++)
            {
                if (match(lines[i]))
                {
                    return i;
                }
            }

            if (exited)
            {
                _process.WaitForExit(); // drains the output events
                lines = StdoutLines;
                for (var i = fromIndex; i < lines.Count; i++)
                {
                    if (match(lines[i]))
                    {
                        return i;
                    }
                }

                Assert.Fail($"{_commandLine} exited ({_process.ExitCode}) before {what}.{Describe()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No {what} within {timeout.TotalSeconds:0} s from {_commandLine}.{Describe()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends a signal (TERM, KILL, INT).</summary>
    public Task SignalAsync(string signal) => Shell.SignalAsync(_process.Id, signal);

    /// <summary>Waits for the exit and returns the exit code; fails (and kills the process) after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{_commandLine} did not exit within {timeout.TotalSeconds:0} s.{Describe()}");
        }

        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    /// <summary>The tail of stdout and stderr, for failure messages.</summary>
    public string Describe()
    {
        var lines = StdoutLines;
        var stderr = StdErr;
        return $"\n--- stdout (last 15 of {lines.Count} lines) ---\n{string.Join('\n', lines.TakeLast(15))}" +
               $"\n--- stderr (last 3000 chars) ---\n{(stderr.Length > 3000 ? stderr[^3000..] : stderr)}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or unkillable: nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
