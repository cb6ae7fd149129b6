namespace OrpheusLive.Library.Storage;

/// <summary>
/// The one-scan-at-a-time lock of a library: an exclusively opened <c>DB.scan-lock</c> file beside the database (an
/// OS file lock, released even when the process dies) and the holder's process id in <c>DB.scan-pid</c> for the
/// message the second scan gets.
/// </summary>
public sealed class ScanLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _pidFile;

    private ScanLock(FileStream stream, string pidFile)
    {
        _lock = stream;
        _pidFile = pidFile;
    }

    /// <summary>Takes the lock of the library at <paramref name="databasePath"/>.</summary>
    /// <exception cref="LibraryBusyException">A scan is running.</exception>
    public static ScanLock Acquire(string databasePath)
    {
        var lockFile = databasePath + ".scan-lock";
        var pidFile = databasePath + ".scan-pid";
        FileStream stream;
        try
        {
            stream = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException)
        {
            int? pid = null;
            try
            {
                if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var p)) pid = p;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            throw new LibraryBusyException($"The library is busy (a scan is running{(pid is { } id ? $", pid {id}" : "")}); try again when it has finished.", pid);
        }
        try
        {
            File.WriteAllText(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the pid only improves the message
        }
        return new ScanLock(stream, pidFile);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(_pidFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        _lock.Dispose();
    }
}
