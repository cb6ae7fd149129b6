using System.Buffers.Binary;
using Concentus;
using OrpheusLive.Audio.Decoding.Formats.Ogg;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// Ogg Opus (RFC 7845) through Concentus (managed Opus) and the app's own Ogg page reader (no Ogg package for
/// Concentus is served here). Decodes at 48 kHz, applies the header's pre-skip and output gain and trims the end to
/// the last page's granule position. Channel mapping families 0 (mono/stereo) and 1 (up to 8 channels, Vorbis order)
/// are read; others (ambisonics, 255) are refused as unsupported.
/// </summary>
public sealed class OggOpusAudioFormat : IAudioFormat
{
    private const int Rate = 48_000;
    private const int MaxFrameSize = 5760; // 120 ms at 48 kHz: the longest Opus packet

    /// <inheritdoc />
    public string Name => "Ogg Opus";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".opus"];

    /// <inheritdoc />
    public bool Sniff(ReadOnlySpan<byte> header) => OggHeader.FirstPacketStartsWith(header, "OpusHead"u8);

    /// <inheritdoc />
    public IAudioStreamReader Open(string path)
    {
        FormatGuard.EnsureLooksLike(this, path);
        var lastGranule = OggTail.EnsureNotCutOff(path);
        var packets = FileErrors.Open(path, () => new OggPacketReader(path));
        try
        {
            return new Reader(packets, path, lastGranule);
        }
        catch
        {
            packets.Dispose();
            throw;
        }
    }

    private sealed class Reader : IAudioStreamReader
    {
        private readonly OggPacketReader _packets;
        private readonly string _path;
        private readonly IOpusDecoder? _decoder;
        private readonly IOpusMultiStreamDecoder? _multi;
        private readonly float _gain;
        private readonly long? _total; // frames to emit (last granule - pre-skip)
        private readonly float[] _pcm;
        private readonly int _preSkip;
        private int _skip;
        private int _pcmOffset;
        private int _pcmCount;
        private long _emitted;
        private long _decoded;
        private bool _ended;

        public Reader(OggPacketReader packets, string path, long? lastGranule)
        {
            _packets = packets;
            _path = path;
            var head = packets.NextPacket(out _);
            if (head.Length < 19 || !head[..8].SequenceEqual("OpusHead"u8)) throw Invalid("has no OpusHead header");
            if (head[8] >> 4 != 0) throw Unsupported($"uses Ogg Opus version {head[8]}");
            Channels = head[9];
            if (Channels == 0) throw Invalid("declares 0 channels");
            _preSkip = _skip = BinaryPrimitives.ReadUInt16LittleEndian(head[10..]);
            _gain = MathF.Pow(10, BinaryPrimitives.ReadInt16LittleEndian(head[16..]) / (20f * 256));
            var family = head[18];
            if (family == 0)
            {
                if (Channels > 2) throw Invalid($"declares {Channels} channels with mapping family 0 (at most 2)");
                _decoder = OpusCodecFactory.CreateDecoder(Rate, Channels);
            }
            else if (family == 1)
            {
                if (Channels > 8) throw Unsupported($"has {Channels} channels (mapping family 1 allows at most 8)");
                if (head.Length < 21 + Channels) throw Invalid("has a cut-off channel mapping table");
                int streams = head[19], coupled = head[20];
                if (streams == 0 || coupled > streams) throw Invalid($"declares {streams} streams of which {coupled} coupled");
                _multi = OpusCodecFactory.CreateMultiStreamDecoder(Rate, Channels, streams, coupled, head.Slice(21, Channels).ToArray());
            }
            else
            {
                throw Unsupported($"uses Opus channel mapping family {family} (only 0 and 1 are read)");
            }

            var tags = packets.NextPacket(out _);
            if (tags.Length < 8 || !tags[..8].SequenceEqual("OpusTags"u8)) throw Invalid("has no OpusTags header");
            _total = lastGranule is { } g ? Math.Max(0, g - _preSkip) : null;
            _pcm = new float[MaxFrameSize * Channels];
        }

        public int SampleRate => Rate;

        public int Channels { get; }

        public TimeSpan? DeclaredDuration => _total is { } t ? TimeSpan.FromSeconds(t / (double)Rate) : null;

        public int Read(Span<float> interleaved)
        {
            var written = 0;
            var channels = Channels;
            while (written + channels <= interleaved.Length)
            {
                if (_pcmCount == 0 && !Decode()) break;
                var frames = Math.Min(_pcmCount, (interleaved.Length - written) / channels);
                if (_total is { } total) frames = (int)Math.Min(frames, total - _emitted);
                if (frames <= 0)
                {
                    _pcmCount = 0;
                    _ended = true;
                    break;
                }
                var source = _pcm.AsSpan(_pcmOffset * channels, frames * channels);
                var target = interleaved.Slice(written, frames * channels);
                for (var i = 0; i < source.Length; i++) target[i] = Math.Clamp(source[i] * _gain, -1f, 1f);
                _pcmOffset += frames;
                _pcmCount -= frames;
                _emitted += frames;
                written += frames * channels;
            }
            return written;
        }

        public void Dispose() => _packets.Dispose();

        private bool Decode()
        {
            while (!_ended)
            {
                var packet = _packets.NextPacket(out _);
                if (packet.IsEmpty)
                {
                    _ended = true;
                    DecodedLength.EnsureComplete(_path, _decoded - _preSkip, _total, Rate);
                    return false;
                }
                int frames;
                try
                {
                    frames = _decoder is not null
                        ? _decoder.Decode(packet, _pcm, MaxFrameSize)
                        : _multi!.DecodeMultistream(packet, _pcm, MaxFrameSize, false);
                }
                catch (Exception e) when (e is OpusException or ArgumentException or IndexOutOfRangeException)
                {
                    throw Invalid($"is damaged at {DecodedLength.Format(_emitted, Rate)}: {e.Message}");
                }
                if (frames <= 0) continue;
                _decoded += frames;
                _pcmOffset = 0;
                _pcmCount = frames;
                if (_skip > 0)
                {
                    var dropped = Math.Min(_skip, frames);
                    _skip -= dropped;
                    _pcmOffset = dropped;
                    _pcmCount -= dropped;
                }
                if (_pcmCount > 0) return true;
            }
            return false;
        }

        private AudioDecodeException Invalid(string what) => new(AudioDecodeErrorKind.Invalid, $"'{Path.GetFileName(_path)}' {what}.");

        private AudioDecodeException Unsupported(string what) => new(AudioDecodeErrorKind.Unsupported, $"'{Path.GetFileName(_path)}' {what}.");
    }
}
