using System.Buffers.Binary;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// The parts of an MP3 file NLayer does not expose: where the first frame starts (after an ID3v2 tag) and the frame
/// count a Xing/Info header declares (LAME writes one for VBR and CBR), used to notice a cut-off file.
/// </summary>
internal static class Mp3Header
{
    /// <summary>True when <paramref name="header"/> starts with an ID3v2 tag or an MPEG audio frame header.</summary>
    public static bool Sniff(ReadOnlySpan<byte> header) =>
        header.Length >= 10 && header[..3].SequenceEqual("ID3"u8) && header[3] is >= 2 and <= 4
        || header.Length >= 4 && IsFrameHeader(header);

    /// <summary>The frames × samples per frame a Xing/Info header declares, or null when the file has none.</summary>
    public static long? DeclaredSamples(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var start = 0L;
        Span<byte> id3 = stackalloc byte[10];
        if (stream.Read(id3) == 10 && id3[..3].SequenceEqual("ID3"u8))
        {
            start = 10 + (id3[6] << 21 | id3[7] << 14 | id3[8] << 7 | id3[9]) + ((id3[5] & 0x10) != 0 ? 10 : 0);
        }
        var buffer = new byte[4096];
        stream.Position = Math.Min(start, stream.Length);
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        for (var i = 0; i + 4 <= n; i++)
        {
            if (!IsFrameHeader(buffer.AsSpan(i))) continue;
            var h = buffer.AsSpan(i);
            var mpeg1 = (h[1] & 0x18) == 0x18;
            var layer = 4 - ((h[1] >> 1) & 3);
            var mono = (h[3] >> 6) == 3;
            var sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
            var at = i + 4 + sideInfo;
            if (at + 12 > n) return null;
            var tag = buffer.AsSpan(at, 4);
            if (!tag.SequenceEqual("Xing"u8) && !tag.SequenceEqual("Info"u8)) return null;
            var flags = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(at + 4));
            if ((flags & 1) == 0) return null;
            var frames = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(at + 8));
            var perFrame = layer == 1 ? 384 : layer == 2 || mpeg1 ? 1152 : 576;
            return (long)frames * perFrame;
        }
        return null;
    }

    private static bool IsFrameHeader(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 // sync
        && (h[1] & 0x18) != 0x08              // version: not reserved
        && (h[1] & 0x06) != 0                 // layer: not reserved
        && (h[2] & 0xF0) != 0xF0              // bitrate: not "bad"
        && (h[2] & 0x0C) != 0x0C;             // sample rate: not reserved
}
