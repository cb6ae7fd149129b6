namespace OrpheusLive.Storage;

/// <summary>Writes files so that readers see either the old or the new content, never a half-written file.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, flushes it to disk and renames
    /// it over <paramref name="path"/>. On failure the temporary file is removed and the old file is untouched.
    /// </summary>
    /// <param name="path">Target file; its directory is created when missing.</param>
    /// <param name="content">Bytes to write.</param>
    /// <param name="ownerOnly">On Unix, create the file readable and writable by the owner only (for secrets).</param>
    /// <param name="cancellationToken">Cancels before the rename.</param>
    /// <exception cref="IOException">The file could not be written (disk full, permissions, ...).</exception>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, bool ownerOnly, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.None };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is harmless and is named so it is obviously one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
