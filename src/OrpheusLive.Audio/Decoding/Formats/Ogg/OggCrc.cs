namespace OrpheusLive.Audio.Decoding.Formats.Ogg;

/// <summary>The Ogg page checksum: CRC-32 with polynomial 0x04C11DB7, not reflected, initial value 0 (RFC 3533 §6).</summary>
internal static class OggCrc
{
    private static readonly uint[] Table = Build();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        return crc;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            table[i] = r;
        }
        return table;
    }
}
