using System.Buffers.Binary;
using System.Text;

namespace OrpheusLive.Audio.Tests;

/// <summary>Builds WAV bytes chunk by chunk, including deliberately broken ones.</summary>
internal sealed class RawWav
{
    private readonly MemoryStream _body = new();
    private uint? _riffSize;

    public static byte[] FmtPcm(int channels, int rate, int bits, int? blockAlign = null)
    {
        var b = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(b, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)rate);
        var align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), (ushort)bits);
        return b;
    }

    public static byte[] FmtTag(ushort tag, int channels, int rate, int bits, int blockAlign)
    {
        var b = FmtPcm(channels, rate, bits, blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(b, tag);
        return [.. b, 0, 0]; // cbSize = 0
    }

    public static byte[] FmtExtensible(int channels, int rate, int bits, int validBits, ushort subFormat)
    {
        var b = new byte[40];
        FmtPcm(channels, rate, bits).CopyTo(b, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(b, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), (ushort)validBits);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), channels == 2 ? 3u : 4u);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(24), subFormat);
        byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        tail.CopyTo(b, 26);
        return b;
    }

    public static byte[] Pcm16(ReadOnlySpan<float> samples)
    {
        var b = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(2 * i), (short)Math.Clamp(Math.Round(samples[i] * 32767), -32768, 32767));
        return b;
    }

    public RawWav Chunk(string id, byte[] body, uint? declaredSize = null, bool pad = true)
    {
        _body.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize ?? (uint)body.Length);
        _body.Write(size);
        _body.Write(body);
        if (pad && body.Length % 2 == 1) _body.WriteByte(0);
        return this;
    }

    public RawWav RiffSize(uint size)
    {
        _riffSize = size;
        return this;
    }

    public byte[] Build()
    {
        var body = _body.ToArray();
        var b = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(b, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), _riffSize ?? (uint)(4 + body.Length));
        Encoding.ASCII.GetBytes("WAVE").CopyTo(b, 8);
        body.CopyTo(b, 12);
        return b;
    }
}
