namespace OrpheusLive.Library.Storage;

/// <summary>A path the library has seen, with what the fast path compares (size and last-write time).</summary>
/// <param name="Path">Full path.</param>
/// <param name="TrackId">The track whose content it held.</param>
/// <param name="Size">Bytes.</param>
/// <param name="ModifiedTicks">Last write time, UTC ticks.</param>
public sealed record FileEntry(string Path, long TrackId, long Size, long ModifiedTicks);
