namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// The check every compressed format makes at the end of a file: did it hold the audio its header declares? A file that
/// ends well short of its declared length was cut off (or its header lies about it): it is refused as
/// <see cref="AudioDecodeErrorKind.Truncated"/> so the user learns the copy is broken. A header that declares less than
/// the file holds is harmless (the decoded length wins).
/// </summary>
/// <remarks>
/// The tolerance is half a second, not a codec block: real files decode a little short of what their last page or
/// header declares without being damaged. <c>introzik.ogg</c> of frozen-bubble-data (libvorbis 1.1.1, 2005) declares
/// 3:15.5 in its last granule position, libvorbis's <c>oggdec</c> decodes all of it, and NVorbis 0.10.5 decodes 0.2 s
/// (~9000 frames, several long Vorbis blocks) less. A copy cut off mid-file loses far more than that, and Ogg files
/// cut inside a page are caught before decoding (<c>OggTail</c>); so a shortfall up to 0.5 s is trusted as end trimming,
/// granule/pre-skip bookkeeping or decoder differences, and the decoded length is the one reported.
/// </remarks>
internal static class DecodedLength
{
    /// <summary>
    /// Shortfall tolerated before a file counts as cut off: codec delay, padding, end trimming and decoder differences
    /// (0.2 s measured on a real Vorbis file, see the remarks).
    /// </summary>
    private const double ToleranceSeconds = 0.5;

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
