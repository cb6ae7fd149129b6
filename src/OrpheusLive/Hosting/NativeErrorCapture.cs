using System.IO.Pipes;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OrpheusLive.Hosting;

/// <summary>
/// While a full-screen UI owns the terminal, whatever is written to the process's standard error at the file-descriptor
/// level — native libraries print there directly (libspeexdsp's "echo canceller … got slapped (reset)" warning),
/// bypassing Serilog — goes to the log as warnings instead of over the dashboard. <see cref="Dispose"/> puts the
/// terminal's standard error back. POSIX only (Linux, macOS); elsewhere <see cref="Start"/> returns null.
/// </summary>
public sealed partial class NativeErrorCapture : IDisposable
{
    private const int StandardError = 2;

    private readonly int _saved;
    private readonly AnonymousPipeServerStream _pipe;
    private readonly Thread _reader;
    private bool _disposed;

    private NativeErrorCapture(int saved, AnonymousPipeServerStream pipe, ILogger logger)
    {
        _saved = saved;
        _pipe = pipe;
        _reader = new Thread(() => Forward(pipe, logger)) { IsBackground = true, Name = "native stderr → log" };
        _reader.Start();
    }

    /// <summary>
    /// Redirects standard error into <paramref name="logger"/> until disposed; null where the platform has no POSIX
    /// file descriptors or the redirection failed (standard error is then left as it was).
    /// </summary>
    public static NativeErrorCapture? Start(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        var pipe = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        Console.Error.Flush();
        var saved = Dup(StandardError);
        if (saved < 0 || Dup2((int)pipe.ClientSafePipeHandle.DangerousGetHandle(), StandardError) < 0)
        {
            if (saved >= 0)
            {
                Close(saved);
            }

            pipe.Dispose();
            return null;
        }

        return new NativeErrorCapture(saved, pipe, logger);
    }

    /// <summary>Puts the terminal's standard error back; lines still in the pipe are logged by the reader before it ends.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Console.Error.Flush();
        Dup2(_saved, StandardError);
        Close(_saved);
        _pipe.DisposeLocalCopyOfClientHandle();

        // The reader ends at end of file, unless a child process started meanwhile still holds the pipe's write end.
        if (_reader.Join(TimeSpan.FromSeconds(1)))
        {
            _pipe.Dispose();
        }
    }

    private static void Forward(Stream pipe, ILogger logger)
    {
        using var lines = new StreamReader(pipe, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 256, leaveOpen: true);
        while (lines.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                logger.LogWarning("Standard error while the dashboard owns the terminal: {Line}", line);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2(int fd, int fd2);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
