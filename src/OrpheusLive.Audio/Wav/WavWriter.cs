using System.Buffers.Binary;

namespace OrpheusLive.Audio.Wav;

/// <summary>
/// Writes interleaved float samples to a WAV file as PCM 8/16/24/32-bit or IEEE float 32/64.
/// The header is written first with placeholder sizes and patched on <see cref="Dispose"/> when the stream can seek;
/// on a pipe the sizes stay 0xFFFFFFFF, which <see cref="WavReader"/> (and most tools) read to the end.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const int BufferBytes = 16 * 1024;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private readonly long _origin;
    private readonly int _headerBytes;
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Creates (or overwrites) a WAV file.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="format">PCM 8/16/24/32 or float 32/64; set <see cref="WavFormat.IsExtensible"/> for WAVE_FORMAT_EXTENSIBLE.</param>
    public static WavWriter Create(string path, WavFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        try
        {
            return new WavWriter(stream, format);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes a whole file in one call.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="format">The format to store.</param>
    /// <param name="interleaved">Interleaved samples in [-1, 1] (clipped when outside).</param>
    public static void WriteFile(string path, WavFormat format, ReadOnlySpan<float> interleaved)
    {
        using var writer = Create(path, format);
        writer.WriteFrames(interleaved);
    }

    /// <summary>Starts a WAV stream by writing its header.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="format">The format to store.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open on dispose.</param>
    public WavWriter(Stream stream, WavFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        var supported = format.Encoding switch
        {
            WavSampleEncoding.Pcm => format.BitsPerSample is 8 or 16 or 24 or 32,
            WavSampleEncoding.IeeeFloat => format.BitsPerSample is 32 or 64,
            _ => false,
        };
        if (!supported) throw new ArgumentException($"WavWriter cannot write {format}.", nameof(format));
        if (format.Channels <= 0 || format.SampleRate <= 0) throw new ArgumentException("Channels and sample rate must be positive.", nameof(format));

        _stream = stream;
        _leaveOpen = leaveOpen;
        Format = format;
        _origin = stream.CanSeek ? stream.Position : 0;
        _headerBytes = WriteHeader(uint.MaxValue);
    }

    /// <summary>The format being written.</summary>
    public WavFormat Format { get; }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten => _dataBytes / Format.BlockAlign;

    /// <summary>Appends interleaved samples (a whole number of frames). Values outside [-1, 1] are clipped.</summary>
    public void WriteFrames(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Format.Channels != 0)
            throw new ArgumentException($"Expected whole frames of {Format.Channels} samples.", nameof(interleaved));
        var bytesPerSample = Format.BytesPerSample;
        var samplesPerChunk = _buffer.Length / bytesPerSample;
        while (!interleaved.IsEmpty)
        {
            var count = Math.Min(samplesPerChunk, interleaved.Length);
            Encode(interleaved[..count], _buffer);
            _stream.Write(_buffer, 0, count * bytesPerSample);
            _dataBytes += count * bytesPerSample;
            interleaved = interleaved[count..];
        }
    }

    /// <summary>Patches the header sizes (seekable streams) and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if ((_dataBytes & 1) == 1) _stream.WriteByte(0); // RIFF pad byte after an odd-sized chunk
            if (_stream.CanSeek)
            {
                var end = _stream.Position;
                _stream.Position = _origin;
                WriteHeader((uint)Math.Min(_dataBytes, uint.MaxValue - 1));
                _stream.Position = end;
            }
            _stream.Flush();
        }
        finally
        {
            if (!_leaveOpen) _stream.Dispose();
        }
    }

    private int WriteHeader(uint dataBytes)
    {
        Span<byte> h = stackalloc byte[68];
        var f = Format;
        var fmtSize = f.IsExtensible ? 40 : f.Encoding == WavSampleEncoding.IeeeFloat ? 18 : 16;
        var headerBytes = 12 + 8 + fmtSize + (f.IsExtensible || f.Encoding == WavSampleEncoding.Pcm ? 0 : 12) + 8;
        var riffSize = dataBytes == uint.MaxValue ? uint.MaxValue : (uint)(headerBytes - 8 + dataBytes + (dataBytes & 1));
        var tag = (ushort)(f.Encoding == WavSampleEncoding.IeeeFloat ? 3 : 1);

        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riffSize);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)fmtSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], f.IsExtensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], (ushort)f.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], (uint)f.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(f.SampleRate * f.BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)f.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)f.BitsPerSample);
        var at = 36;
        if (f.IsExtensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(h[38..], (ushort)f.ValidBitsPerSample);
            BinaryPrimitives.WriteUInt32LittleEndian(h[40..], f.Channels switch { 1 => 0x4u, 2 => 0x3u, _ => 0u });
            BinaryPrimitives.WriteUInt16LittleEndian(h[44..], tag);
            ReadOnlySpan<byte> tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(h[46..]);
            at = 60;
        }
        else if (f.Encoding == WavSampleEncoding.IeeeFloat)
        {
            // Non-PCM formats carry cbSize and, by convention, a fact chunk with the frame count.
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], dataBytes == uint.MaxValue ? 0 : (uint)(dataBytes / (uint)f.BlockAlign));
            at = 50;
        }
        "data"u8.CopyTo(h[at..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(at + 4)..], dataBytes);
        _stream.Write(h[..(at + 8)]);
        return at + 8;
    }

    private void Encode(ReadOnlySpan<float> samples, Span<byte> destination)
    {
        switch (Format.Encoding, Format.BitsPerSample)
        {
            case (WavSampleEncoding.Pcm, 8):
                for (var i = 0; i < samples.Length; i++) destination[i] = (byte)(Quantize(samples[i], 127) + 128);
                break;
            case (WavSampleEncoding.Pcm, 16):
                for (var i = 0; i < samples.Length; i++)
                    BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], (short)Quantize(samples[i], 32767));
                break;
            case (WavSampleEncoding.Pcm, 24):
                for (var i = 0; i < samples.Length; i++)
                {
                    var v = Quantize(samples[i], 8388607);
                    destination[3 * i] = (byte)v;
                    destination[3 * i + 1] = (byte)(v >> 8);
                    destination[3 * i + 2] = (byte)(v >> 16);
                }
                break;
            case (WavSampleEncoding.Pcm, 32):
                for (var i = 0; i < samples.Length; i++)
                    BinaryPrimitives.WriteInt32LittleEndian(destination[(4 * i)..], Quantize(samples[i], int.MaxValue));
                break;
            case (WavSampleEncoding.IeeeFloat, 32):
                for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(destination[(4 * i)..], samples[i]);
                break;
            default:
                for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(destination[(8 * i)..], samples[i]);
                break;
        }
    }

    // Scale by 2^(bits-1), the reader's divisor, so values round-trip; +1.0 clips to the largest positive code.
    private static int Quantize(float sample, int maxCode)
    {
        if (float.IsNaN(sample)) return 0;
        var scale = maxCode + 1.0;
        return (int)Math.Clamp(Math.Round(sample * scale), -scale, maxCode);
    }
}
