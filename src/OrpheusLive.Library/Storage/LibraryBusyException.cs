namespace OrpheusLive.Library.Storage;

/// <summary>Another scan of the same library is running (in this or another process).</summary>
public sealed class LibraryBusyException(string message, int? processId) : Exception(message)
{
    /// <summary>The process that holds the scan lock, when it wrote its id.</summary>
    public int? ProcessId { get; } = processId;
}
