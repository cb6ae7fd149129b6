using System.Buffers.Binary;

namespace OrpheusLive.Audio.Decoding.Formats.Ogg;

/// <summary>
/// Reads the packets of the first logical stream of an Ogg file (RFC 3533), page by page, checking each page's CRC so
/// that a damaged file is reported instead of decoded into noise. Memory is bounded by the largest packet (a packet
/// spanning many pages is assembled, up to <see cref="MaxPacketBytes"/>). Pages of other logical streams (a
/// multiplexed video or a chained second song) are skipped. Not thread-safe.
/// </summary>
internal sealed class OggPacketReader : IDisposable
{
    /// <summary>The largest packet accepted; Opus packets are at most a few kB, Vorbis setup headers tens of kB.</summary>
    public const int MaxPacketBytes = 1 << 20;

    private const int HeaderBytes = 27;
    private readonly Stream _stream;
    private readonly string _name;
    private readonly byte[] _header = new byte[HeaderBytes + 255];
    private readonly byte[] _body = new byte[255 * 255];
    private byte[] _packet = new byte[64 * 1024];
    private int _packetLength;
    private int _segmentCount;
    private int _segmentIndex;
    private int _bodyOffset;
    private uint? _serial;
    private bool _ended;

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    public OggPacketReader(string path)
    {
        _name = Path.GetFileName(path);
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
    }

    /// <summary>The last page read (its granule position tells where the codec is).</summary>
    public OggPage Page { get; private set; }

    /// <summary>The file's size in bytes.</summary>
    public long Length => _stream.Length;

    /// <summary>
    /// Returns the next complete packet (valid until the next call), or an empty span at the end of the stream.
    /// <paramref name="lastOnPage"/> is true when the packet is the last one ending on <see cref="Page"/>.
    /// </summary>
    /// <exception cref="AudioDecodeException">A page is damaged or the file ends inside a page.</exception>
    public ReadOnlySpan<byte> NextPacket(out bool lastOnPage)
    {
        _packetLength = 0;
        while (true)
        {
            if (_segmentIndex >= _segmentCount)
            {
                if (_ended || !ReadPage())
                {
                    lastOnPage = true;
                    if (_packetLength > 0) throw Truncated("inside a packet");
                    return [];
                }
                continue;
            }

            var lacing = _header[HeaderBytes + _segmentIndex++];
            Append(_body.AsSpan(_bodyOffset, lacing));
            _bodyOffset += lacing;
            if (lacing < 255)
            {
                lastOnPage = !HasAnotherPacketEnding();
                return _packet.AsSpan(0, _packetLength);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// The last intact page of the file (searched from its end), or null when the last 128 kB hold none.
    /// <paramref name="cutOff"/> is true when bytes that start like a page follow it: the file ends inside a page.
    /// </summary>
    public static OggPage? LastPage(string path, out bool cutOff)
    {
        cutOff = false;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var tail = (int)Math.Min(stream.Length, 128 * 1024);
        var buffer = new byte[tail];
        var origin = stream.Length - tail;
        stream.Position = origin;
        stream.ReadExactly(buffer);
        var partialAfter = false;
        for (var i = tail - 4; i >= 0; i--)
        {
            if (buffer[i] != (byte)'O' || !buffer.AsSpan(i, 4).SequenceEqual("OggS"u8)) continue;
            var end = PageEnd(buffer, i);
            if (end is null || !CrcMatches(buffer.AsSpan(i, end.Value - i)))
            {
                partialAfter = true;
                continue;
            }
            cutOff = partialAfter;
            var header = buffer.AsSpan(i);
            return new OggPage(header[5], BinaryPrimitives.ReadInt64LittleEndian(header[6..]), BinaryPrimitives.ReadUInt32LittleEndian(header[14..]),
                BinaryPrimitives.ReadUInt32LittleEndian(header[18..]), origin + i);
        }
        cutOff = partialAfter;
        return null;
    }

    private static int? PageEnd(byte[] buffer, int start)
    {
        if (start + HeaderBytes > buffer.Length || buffer[start + 4] != 0) return null;
        var segments = buffer[start + 26];
        if (start + HeaderBytes + segments > buffer.Length) return null;
        var end = start + HeaderBytes + segments;
        for (var s = 0; s < segments; s++) end += buffer[start + HeaderBytes + s];
        return end <= buffer.Length ? end : null;
    }

    private bool HasAnotherPacketEnding()
    {
        for (var s = _segmentIndex; s < _segmentCount; s++)
        {
            if (_header[HeaderBytes + s] < 255) return true;
        }
        return false;
    }

    private void Append(ReadOnlySpan<byte> data)
    {
        if (_packetLength + data.Length > _packet.Length)
        {
            if (_packetLength + data.Length > MaxPacketBytes) throw Invalid($"has a packet larger than {MaxPacketBytes / 1024} kB");
            Array.Resize(ref _packet, Math.Min(MaxPacketBytes, Math.Max(_packet.Length * 2, _packetLength + data.Length)));
        }
        data.CopyTo(_packet.AsSpan(_packetLength));
        _packetLength += data.Length;
    }

    private bool ReadPage()
    {
        while (true)
        {
            var offset = _stream.Position;
            var got = ReadAtMost(_header.AsSpan(0, HeaderBytes));
            if (got == 0) return false;
            if (got < HeaderBytes) throw Truncated($"inside the page at byte {offset}");
            if (!_header.AsSpan(0, 4).SequenceEqual("OggS"u8)) throw Invalid($"has no Ogg page where one should start (byte {offset})");
            if (_header[4] != 0) throw Invalid($"uses Ogg version {_header[4]} (byte {offset}); only version 0 exists");

            _segmentCount = _header[26];
            if (ReadAtMost(_header.AsSpan(HeaderBytes, _segmentCount)) < _segmentCount) throw Truncated($"inside the page at byte {offset}");
            var bodyLength = 0;
            for (var s = 0; s < _segmentCount; s++) bodyLength += _header[HeaderBytes + s];
            if (ReadAtMost(_body.AsSpan(0, bodyLength)) < bodyLength) throw Truncated($"inside the page at byte {offset}");

            var expected = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(22));
            _header.AsSpan(22, 4).Clear();
            var crc = OggCrc.Update(OggCrc.Update(0, _header.AsSpan(0, HeaderBytes + _segmentCount)), _body.AsSpan(0, bodyLength));
            if (crc != expected) throw Invalid($"is damaged: the Ogg page at byte {offset} fails its checksum");

            var page = new OggPage(_header[5], BinaryPrimitives.ReadInt64LittleEndian(_header.AsSpan(6)),
                BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(14)), BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(18)), offset);
            _serial ??= page.Serial;
            if (page.Serial != _serial) continue; // another logical stream: not ours
            Page = page;
            _segmentIndex = 0;
            _bodyOffset = 0;
            if (page.IsEndOfStream) _ended = true;
            return true;
        }
    }

    private static bool CrcMatches(ReadOnlySpan<byte> page)
    {
        Span<byte> zero = stackalloc byte[4];
        var crc = OggCrc.Update(OggCrc.Update(OggCrc.Update(0, page[..22]), zero), page[26..]);
        return crc == BinaryPrimitives.ReadUInt32LittleEndian(page[22..]);
    }

    private int ReadAtMost(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = _stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    private AudioDecodeException Invalid(string what) => new(AudioDecodeErrorKind.Invalid, $"'{_name}' {what}.");

    private AudioDecodeException Truncated(string where) => new(AudioDecodeErrorKind.Truncated, $"'{_name}' is cut off: it ends {where}.");
}
