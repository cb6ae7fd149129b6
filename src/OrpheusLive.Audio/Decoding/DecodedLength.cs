namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// The check every compressed format makes at the end of a file: did it hold the audio its header declares? A file that
/// ends well short of its declared length was cut off (or its header lies about it): it is refused as
/// <see cref="AudioDecodeErrorKind.Truncated"/> so the user learns the copy is broken. A header that declares less than
/// the file holds is harmless (the decoded length wins).
/// </summary>
internal static class DecodedLength
{
    /// <summary>Shortfall tolerated before a file counts as cut off: codec delay and padding are a few thousand samples.</summary>
    private const double ToleranceSeconds = 0.1;

    /// <summary>Throws when <paramref name="decodedFrames"/> falls short of <paramref name="declaredFrames"/>.</summary>
    public static void EnsureComplete(string path, long decodedFrames, long? declaredFrames, int sampleRate)
    {
        if (declaredFrames is not { } declared || declared <= 0) return;
        if (declared - decodedFrames <= ToleranceSeconds * sampleRate) return;
        throw new AudioDecodeException(AudioDecodeErrorKind.Truncated,
            $"'{Path.GetFileName(path)}' is cut off or its header lies: it holds {Format(decodedFrames, sampleRate)} of audio but declares {Format(declared, sampleRate)}.");
    }

    /// <summary>m:ss.s of a frame count, for messages.</summary>
    public static string Format(long frames, int sampleRate)
    {
        var seconds = frames / (double)sampleRate;
        var minutes = (long)(seconds / 60);
        return $"{minutes}:{seconds - minutes * 60:00.0}";
    }
}
