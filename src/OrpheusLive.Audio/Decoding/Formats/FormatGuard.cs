namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>Checks, before a format's decoder runs, that a file chosen by its extension really starts like that format.</summary>
internal static class FormatGuard
{
    /// <summary>
    /// Throws <see cref="AudioDecodeErrorKind.NotAudio"/> when the first bytes of <paramref name="path"/> do not sniff as
    /// <paramref name="format"/> (a text file named ".ogg"), so the user is told it is not audio rather than "damaged".
    /// </summary>
    public static void EnsureLooksLike(IAudioFormat format, string path)
    {
        var header = FileErrors.Open(path, () =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var bytes = new byte[(int)Math.Min(64, file.Length)];
            file.ReadExactly(bytes);
            return bytes;
        });
        if (!format.Sniff(header))
            throw new AudioDecodeException(AudioDecodeErrorKind.NotAudio, $"'{Path.GetFileName(path)}' is named like {format.Name} but does not start like it: it is not audio this app reads.");
    }
}
