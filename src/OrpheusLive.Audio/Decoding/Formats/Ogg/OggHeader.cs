namespace OrpheusLive.Audio.Decoding.Formats.Ogg;

/// <summary>Recognises the codec of an Ogg file from its first page (the beginning-of-stream packet's magic).</summary>
internal static class OggHeader
{
    /// <summary>True when <paramref name="header"/> is an Ogg page whose first packet starts with <paramref name="magic"/>.</summary>
    public static bool FirstPacketStartsWith(ReadOnlySpan<byte> header, ReadOnlySpan<byte> magic)
    {
        if (header.Length < 28 || !header[..4].SequenceEqual("OggS"u8)) return false;
        var start = 27 + header[26];
        return header.Length >= start + magic.Length && header.Slice(start, magic.Length).SequenceEqual(magic);
    }
}
