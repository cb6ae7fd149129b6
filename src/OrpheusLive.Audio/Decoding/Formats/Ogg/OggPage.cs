namespace OrpheusLive.Audio.Decoding.Formats.Ogg;

/// <summary>The header fields of one Ogg page (RFC 3533) that a decoder needs.</summary>
/// <param name="Flags">Header type: 1 = continued packet, 2 = beginning of stream, 4 = end of stream.</param>
/// <param name="GranulePosition">The codec's position at the end of the page (-1: no packet ends on this page).</param>
/// <param name="Serial">The logical stream the page belongs to.</param>
/// <param name="Sequence">The page's number in its stream.</param>
/// <param name="Offset">Byte offset of the page in the file.</param>
internal readonly record struct OggPage(byte Flags, long GranulePosition, uint Serial, uint Sequence, long Offset)
{
    /// <summary>The page ends its logical stream.</summary>
    public bool IsEndOfStream => (Flags & 4) != 0;

    /// <summary>The page continues a packet begun on the previous page.</summary>
    public bool IsContinued => (Flags & 1) != 0;
}
