namespace OrpheusLive.Audio.Decoding.Formats.Ogg;

/// <summary>What the end of an Ogg file tells before decoding: whether it was cut off, and the stream's final position.</summary>
internal static class OggTail
{
    /// <summary>
    /// Returns the granule position of the file's last intact page (null when none is found near the end).
    /// </summary>
    /// <exception cref="AudioDecodeException">The file ends inside a page (cut off), or cannot be read.</exception>
    public static long? EnsureNotCutOff(string path)
    {
        var (page, cutOff) = FileErrors.Open(path, () =>
        {
            var last = OggPacketReader.LastPage(path, out var cut);
            return (last, cut);
        });
        if (cutOff)
            throw new AudioDecodeException(AudioDecodeErrorKind.Truncated, $"'{Path.GetFileName(path)}' is cut off: it ends inside an Ogg page.");
        return page is { GranulePosition: >= 0 } p ? p.GranulePosition : null;
    }
}
