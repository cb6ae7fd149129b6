namespace OrpheusLive.Library.Storage;

/// <summary>
/// The library database cannot be used: corrupt, not a library, from a newer version, or locked. The message is one
/// line that names the file and says what to do; the file is never changed or recreated over.
/// </summary>
public sealed class LibraryStoreException(string message, Exception? inner = null) : Exception(message, inner);
