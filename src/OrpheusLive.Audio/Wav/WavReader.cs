using System.Buffers.Binary;
using System.Text;

namespace OrpheusLive.Audio.Wav;

/// <summary>
/// Streams samples out of a RIFF/WAVE file as interleaved floats in [-1, 1].
/// Reads PCM 8/16/24/32-bit, IEEE float 32/64, A-law and µ-law, plain or WAVE_FORMAT_EXTENSIBLE, any rate and channel
/// count. Unknown chunks (LIST, fact, JUNK, cue, ...) are skipped, including their pad byte.
/// </summary>
/// <remarks>
/// The header is parsed and validated in the constructor, so a bad file fails early with a
/// <see cref="WavFormatException"/>. When the stream can seek, every chunk up to the end of the file is checked (so a
/// broken chunk after the data chunk is noticed too); then reading starts at the data chunk.
/// Not thread-safe.
/// </remarks>
public sealed class WavReader : IDisposable
{
    private const int ReadBufferBytes = 16 * 1024;
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    // The 14 bytes every KSDATAFORMAT_SUBTYPE_* GUID of a WAVE format tag shares after its first two bytes.
    private static readonly byte[] SubFormatGuidTail =
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _name;
    private readonly byte[] _buffer = new byte[ReadBufferBytes];
    private readonly long _origin;
    private readonly long _dataStart;
    private readonly long? _dataBytes;
    private long _dataBytesRead;
    private bool _disposed;

    /// <summary>Reads the header of a WAV file on disk.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Strictness; <see cref="WavReadOptions.Default"/> when null.</param>
    /// <exception cref="WavFormatException">The file is not a readable WAV file (message names the file).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static WavReader Open(string path, WavReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            return new WavReader(stream, leaveOpen: false, options, Path.GetFileName(path));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the header of a WAV stream.</summary>
    /// <param name="stream">The stream, positioned at the "RIFF" tag.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    /// <param name="options">Strictness; <see cref="WavReadOptions.Default"/> when null.</param>
    /// <param name="name">A name for messages (file name); "the WAV stream" when null.</param>
    /// <exception cref="WavFormatException">The stream is not a readable WAV file.</exception>
    public WavReader(Stream stream, bool leaveOpen = false, WavReadOptions? options = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name is null ? "the WAV stream" : $"'{name}'";
        _origin = stream.CanSeek ? stream.Position : 0;
        var allowTruncated = (options ?? WavReadOptions.Default).AllowTruncated;
        var header = ParseHeader(allowTruncated);
        Format = header.Format;
        _dataStart = header.DataStart;
        _dataBytes = header.DataBytes;
        IsTruncated = header.Truncated;
        if (_stream.CanSeek) _stream.Position = _origin + _dataStart;
    }

    /// <summary>The sample format.</summary>
    public WavFormat Format { get; }

    /// <summary>Frames in the data chunk, or null when unknown (streaming header: read until 0 is returned).</summary>
    public long? FrameCount => _dataBytes is { } bytes ? bytes / Format.BlockAlign : null;

    /// <summary>Length of the audio, or null when unknown.</summary>
    public TimeSpan? Duration => FrameCount is { } frames ? TimeSpan.FromSeconds(frames / (double)Format.SampleRate) : null;

    /// <summary>
    /// True when the header promised more data than the file holds and <see cref="WavReadOptions.AllowTruncated"/>
    /// let the reader continue with what is there.
    /// </summary>
    public bool IsTruncated { get; }

    /// <summary>
    /// Reads whole frames as interleaved floats in [-1, 1] (channel order as in the file).
    /// Returns the number of frames read, 0 at the end. Allocation-free.
    /// </summary>
    /// <param name="destination">Receives frames; its length must be at least one frame (<see cref="WavFormat.Channels"/>).</param>
    public int ReadFrames(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var blockAlign = Format.BlockAlign;
        var channels = Format.Channels;
        var maxFrames = destination.Length / channels;
        if (maxFrames == 0) throw new ArgumentException($"The destination must hold at least one frame ({channels} samples).", nameof(destination));

        var framesPerBuffer = _buffer.Length / blockAlign;
        var total = 0;
        while (total < maxFrames)
        {
            var wanted = Math.Min(maxFrames - total, framesPerBuffer);
            if (_dataBytes is { } limit) wanted = (int)Math.Min(wanted, (limit - _dataBytesRead) / blockAlign);
            if (wanted <= 0) break;

            var bytes = FillFrames(wanted * blockAlign, blockAlign);
            if (bytes == 0) break;
            _dataBytesRead += bytes;
            var frames = bytes / blockAlign;
            Decode(_buffer.AsSpan(0, bytes), destination.Slice(total * channels, frames * channels));
            total += frames;
            if (frames < wanted) break;
        }
        return total;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_leaveOpen) _stream.Dispose();
    }

    // Reads up to `count` bytes, stopping at EOF, and drops a trailing partial frame (a file cut mid-frame).
    private int FillFrames(int count, int blockAlign)
    {
        var read = 0;
        while (read < count)
        {
            var n = _stream.Read(_buffer, read, count - read);
            if (n == 0) break;
            read += n;
        }
        return read - read % blockAlign;
    }

    private void Decode(ReadOnlySpan<byte> source, Span<float> destination)
    {
        switch (Format.Encoding, Format.BitsPerSample)
        {
            case (WavSampleEncoding.Pcm, 8):
                for (var i = 0; i < destination.Length; i++) destination[i] = (source[i] - 128) * (1f / 128);
                break;
            case (WavSampleEncoding.Pcm, 16):
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = BinaryPrimitives.ReadInt16LittleEndian(source.Slice(2 * i)) * (1f / 32768);
                break;
            case (WavSampleEncoding.Pcm, 24):
                for (var i = 0; i < destination.Length; i++)
                {
                    var b = source.Slice(3 * i, 3);
                    // Shift into the top of an int so the sign extends, then scale as 32-bit.
                    var value = (b[0] << 8) | (b[1] << 16) | (b[2] << 24);
                    destination[i] = value * (1f / 2147483648f);
                }
                break;
            case (WavSampleEncoding.Pcm, 32):
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4 * i)) * (1f / 2147483648f);
                break;
            case (WavSampleEncoding.IeeeFloat, 32):
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = Finite(BinaryPrimitives.ReadSingleLittleEndian(source.Slice(4 * i)));
                break;
            case (WavSampleEncoding.IeeeFloat, 64):
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = Finite((float)BinaryPrimitives.ReadDoubleLittleEndian(source.Slice(8 * i)));
                break;
            case (WavSampleEncoding.ALaw, 8):
                for (var i = 0; i < destination.Length; i++) destination[i] = G711.ALawToFloat(source[i]);
                break;
            case (WavSampleEncoding.MuLaw, 8):
                for (var i = 0; i < destination.Length; i++) destination[i] = G711.MuLawToFloat(source[i]);
                break;
            default:
                throw new InvalidOperationException($"No decoder for {Format}."); // ParseHeader rejects these first.
        }
    }

    private HeaderInfo ParseHeader(bool allowTruncated)
    {
        long? fileLength = _stream.CanSeek ? _stream.Length - _stream.Position : null;
        if (fileLength == 0) throw Invalid("is empty (0 bytes)");

        Span<byte> riff = stackalloc byte[12];
        var got = ReadAtMost(riff);
        if (got == 0) throw Invalid("is empty (0 bytes)");
        if (got >= 4 && !riff[..4].SequenceEqual("RIFF"u8))
        {
            if (riff[..4].SequenceEqual("RIFX"u8)) throw Unsupported("is a big-endian RIFX file");
            if (riff[..4].SequenceEqual("RF64"u8)) throw Unsupported("is an RF64 (64-bit) WAV file");
            throw Invalid($"is not a WAV file: it starts with '{Printable(riff[..4])}' instead of 'RIFF'");
        }
        if (got < 12) throw Invalid($"is not a complete WAV file: it ends after {got} bytes, inside the RIFF header");
        if (!riff[8..12].SequenceEqual("WAVE"u8))
            throw Invalid($"is a RIFF file but not WAVE audio (form type '{Printable(riff[8..12])}')");

        WavFormat? format = null;
        long position = 12;
        long dataStart = -1;
        long? dataBytes = null;
        var truncated = false;
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(riff[4..8]);
        Span<byte> chunkHeader = stackalloc byte[8];

        while (true)
        {
            var headerBytes = ReadAtMost(chunkHeader);
            if (headerBytes == 0) break;
            if (headerBytes < 8)
            {
                if (dataStart >= 0) break; // a stray byte or two after the audio: harmless
                throw Invalid($"ends inside a chunk header at byte {position}");
            }

            var id = Printable(chunkHeader[..4]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..8]);
            var bodyStart = position + 8;
            var remaining = fileLength is { } length ? length - bodyStart : long.MaxValue;

            if (id == "data")
            {
                if (format is null) throw Invalid("has its data chunk before the fmt chunk (or no fmt chunk at all)");
                if (dataStart >= 0) throw Invalid("has two data chunks");
                dataStart = bodyStart;
                var streaming = size == uint.MaxValue || (size == 0 && (riffSize == 0 || riffSize == uint.MaxValue || riffSize + 8L <= bodyStart));
                if (streaming)
                {
                    // A recorder that never patched its header: the audio runs to the end of the file.
                    dataBytes = fileLength is { } l ? l - bodyStart - (l - bodyStart) % format.BlockAlign : null;
                    break;
                }
                if (size > remaining)
                {
                    if (!allowTruncated)
                        throw Truncated($"is truncated: its data chunk says {size} bytes but only {remaining} are in the file");
                    truncated = true;
                    dataBytes = remaining - remaining % format.BlockAlign;
                    break;
                }
                dataBytes = size - size % format.BlockAlign;
                if (!_stream.CanSeek) break; // cannot look past the audio without consuming it
            }

            if (id != "data" && size > remaining)
            {
                if (dataStart >= 0 && allowTruncated)
                {
                    truncated = true;
                    break;
                }
                var kind = dataStart >= 0 ? "is truncated" : "is damaged";
                throw new WavFormatException(dataStart >= 0 ? WavErrorKind.Truncated : WavErrorKind.Invalid,
                    $"The WAV file {_name} {kind}: its '{id}' chunk says {size} bytes but only {remaining} are in the file.");
            }

            var consumed = 0L; // body bytes already read while parsing
            if (id == "fmt ")
            {
                if (format is not null) throw Invalid("has two fmt chunks");
                format = ParseFormat(size);
                consumed = size;
            }
            else if (id == "smpl")
            {
                ValidateSampler(size);
                consumed = 36;
            }

            // Skip the body (or the rest of it) and the pad byte that follows an odd-sized chunk.
            var next = bodyStart + size + (size & 1);
            if (!_stream.CanSeek)
            {
                SkipForward(size - consumed + (size & 1));
            }
            else
            {
                if (fileLength is { } l && next > l) next = l; // the final chunk may omit its pad byte
                _stream.Position = _origin + next;
            }
            position = next;
        }

        if (format is null) throw Invalid("has no fmt chunk, so its sample format is unknown");
        if (dataStart < 0) throw Invalid("has no data chunk, so it holds no audio");
        return new HeaderInfo(format, dataStart, dataBytes, truncated);
    }

    private WavFormat ParseFormat(uint size)
    {
        if (size < 16) throw Invalid($"has a fmt chunk of only {size} bytes (at least 16 are needed)");
        if (size > 4096) throw Invalid($"has an implausibly large fmt chunk ({size} bytes)");
        Span<byte> fmt = stackalloc byte[(int)size];
        if (ReadAtMost(fmt) < fmt.Length) throw Truncated("is truncated inside its fmt chunk");

        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag is not (FormatPcm or FormatFloat or FormatALaw or FormatMuLaw or FormatExtensible))
            throw Unsupported($"uses audio format 0x{tag:X4} ({FormatTagName(tag)}); supported are PCM, IEEE float, A-law and µ-law");

        // Non-PCM formats carry a cbSize field; it must be complete and must fit in the chunk.
        var extensionSize = 0;
        if (tag != FormatPcm && size > 16)
        {
            if (size < 18) throw Invalid($"has a fmt chunk of {size} bytes whose extension size field is incomplete");
            extensionSize = BinaryPrimitives.ReadUInt16LittleEndian(fmt[16..]);
            if (18 + extensionSize > size)
                throw Invalid($"has a fmt extension of {extensionSize} bytes that does not fit in its {size}-byte fmt chunk");
        }

        var encoding = tag switch
        {
            FormatFloat => WavSampleEncoding.IeeeFloat,
            FormatALaw => WavSampleEncoding.ALaw,
            FormatMuLaw => WavSampleEncoding.MuLaw,
            _ => WavSampleEncoding.Pcm,
        };
        var validBits = (int)bits;
        var extensible = tag == FormatExtensible;
        if (extensible)
        {
            if (extensionSize < 22)
                throw Invalid($"uses WAVE_FORMAT_EXTENSIBLE but its fmt extension is {extensionSize} bytes instead of 22");
            validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            var guid = fmt.Slice(24, 16);
            var subTag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
            if (!guid[2..].SequenceEqual(SubFormatGuidTail) || subTag is not (FormatPcm or FormatFloat or FormatALaw or FormatMuLaw))
                throw Unsupported($"uses WAVE_FORMAT_EXTENSIBLE with an unsupported sub-format {new Guid(guid)}");
            encoding = subTag switch
            {
                FormatFloat => WavSampleEncoding.IeeeFloat,
                FormatALaw => WavSampleEncoding.ALaw,
                FormatMuLaw => WavSampleEncoding.MuLaw,
                _ => WavSampleEncoding.Pcm,
            };
            if (validBits == 0) validBits = bits;
        }

        if (channels == 0) throw Unsupported("has 0 channels, which is not supported (a WAV needs at least one)");
        if (rate == 0) throw Unsupported("has a sample rate of 0 Hz, which is not supported");
        if (rate > 1_536_000) throw Unsupported($"has a sample rate of {rate} Hz, which is not supported");

        var bitsOk = encoding switch
        {
            WavSampleEncoding.Pcm => bits is 8 or 16 or 24 or 32,
            WavSampleEncoding.IeeeFloat => bits is 32 or 64,
            _ => bits == 8,
        };
        if (!bitsOk) throw Unsupported($"uses {bits}-bit {encoding} samples, which are not supported");
        if (validBits > bits) throw Invalid($"says {validBits} valid bits in a {bits}-bit sample container");

        var format = new WavFormat(encoding, channels, (int)rate, bits, validBits, extensible);
        if (blockAlign != format.BlockAlign)
            throw Invalid($"has a block align of {blockAlign} bytes, but {channels} channel(s) of {bits}-bit samples need {format.BlockAlign}");
        return format;
    }

    // The sampler chunk is the one chunk with internal sizes the corpus expects readers to check.
    private void ValidateSampler(uint size)
    {
        if (size < 36) throw Invalid($"has a smpl chunk of {size} bytes, shorter than its 36-byte header");
        Span<byte> head = stackalloc byte[36];
        if (ReadAtMost(head) < head.Length) throw Truncated("is truncated inside its smpl chunk");
        var loops = BinaryPrimitives.ReadUInt32LittleEndian(head[28..]);
        var samplerData = BinaryPrimitives.ReadUInt32LittleEndian(head[32..]);
        var needed = 36L + loops * 24L + samplerData;
        if (needed > size)
            throw Invalid($"has a smpl chunk that claims {loops} loop(s) and {samplerData} bytes of data, more than its {size} bytes");
    }

    private int ReadAtMost(Span<byte> destination)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = _stream.Read(destination[read..]);
            if (n == 0) break;
            read += n;
        }
        return read;
    }

    private void SkipForward(long count)
    {
        while (count > 0)
        {
            var n = _stream.Read(_buffer, 0, (int)Math.Min(count, _buffer.Length));
            if (n == 0) return;
            count -= n;
        }
    }

    private WavFormatException Invalid(string what) => new(WavErrorKind.Invalid, $"The WAV file {_name} {what}.");

    private WavFormatException Unsupported(string what) => new(WavErrorKind.Unsupported, $"The WAV file {_name} {what}.");

    private WavFormatException Truncated(string what) => new(WavErrorKind.Truncated, $"The WAV file {_name} {what}.");

    private static string Printable(ReadOnlySpan<byte> tag)
    {
        var builder = new StringBuilder(tag.Length);
        foreach (var b in tag) builder.Append(b is >= 32 and < 127 ? (char)b : '?');
        return builder.ToString();
    }

    private static string FormatTagName(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MP3",
        _ => "unknown codec",
    };

    private sealed record HeaderInfo(WavFormat Format, long DataStart, long? DataBytes, bool Truncated);

    /// <summary>
    /// Float files can hold NaN or infinity (a broken writer); one such sample would poison the resampler and the
    /// model, so every reader of WAV data gets silence there instead.
    /// </summary>
    private static float Finite(float sample) => float.IsFinite(sample) ? sample : 0f;
}
