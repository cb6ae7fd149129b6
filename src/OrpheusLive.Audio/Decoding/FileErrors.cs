namespace OrpheusLive.Audio.Decoding;

/// <summary>Maps the exceptions of opening a file to <see cref="AudioDecodeException"/>s that name it.</summary>
internal static class FileErrors
{
    /// <summary>Runs <paramref name="open"/>; a missing or unreadable file becomes <see cref="AudioDecodeErrorKind.Unreadable"/>.</summary>
    public static T Open<T>(string path, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Unreadable, $"'{path}' does not exist.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Unreadable, $"'{path}' cannot be read: {e.Message}", e);
        }
    }
}
