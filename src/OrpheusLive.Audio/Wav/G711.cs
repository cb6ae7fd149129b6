namespace OrpheusLive.Audio.Wav;

/// <summary>G.711 A-law and µ-law expansion through 256-entry tables (built once).</summary>
internal static class G711
{
    private static readonly float[] ALawTable = BuildTable(ExpandALaw);
    private static readonly float[] MuLawTable = BuildTable(ExpandMuLaw);

    public static float ALawToFloat(byte value) => ALawTable[value];

    public static float MuLawToFloat(byte value) => MuLawTable[value];

    private static float[] BuildTable(Func<byte, int> expand)
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++) table[i] = expand((byte)i) / 32768f;
        return table;
    }

    // ITU-T G.711 reference expansion to 16-bit linear.
    private static int ExpandALaw(byte value)
    {
        value ^= 0x55;
        var t = (value & 0x0F) << 4;
        var segment = (value & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (value & 0x80) != 0 ? t : -t;
    }

    private static int ExpandMuLaw(byte value)
    {
        value = (byte)~value;
        var t = ((value & 0x0F) << 3) + 0x84;
        t <<= (value & 0x70) >> 4;
        return (value & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }
}
