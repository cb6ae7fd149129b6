using System.Buffers.Binary;
using System.Diagnostics;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// FLAC through a Debian program (no managed FLAC decoder is served here): <c>flac -d</c> when installed, else
/// <c>ffmpeg</c>, streaming raw PCM from the process's output in blocks (bounded memory for any length). The rate,
/// channels, bit depth and length come from the file's own STREAMINFO block, so the file is recognised (and a missing
/// decoder is reported as <see cref="AudioDecodeErrorKind.DecoderMissing"/> naming <c>apt-get install flac</c>) without
/// any program; a decoder's failure (bad data, MD5 mismatch, cut-off file) becomes a one-line error naming the file.
/// </summary>
/// <param name="searchPath">Where to look for the programs (PATH when null; tests pass an empty folder).</param>
public sealed class FlacAudioFormat(string? searchPath = null) : IAudioFormat
{
    /// <inheritdoc />
    public string Name => "FLAC";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".flac"];

    /// <inheritdoc />
    public bool Sniff(ReadOnlySpan<byte> header) => header.Length >= 4 && header[..4].SequenceEqual("fLaC"u8);

    /// <inheritdoc />
    public IAudioStreamReader Open(string path)
    {
        var name = Path.GetFileName(path);
        FormatGuard.EnsureLooksLike(this, path);
        var info = FileErrors.Open(path, () => StreamInfo.Read(path));
        if (info.SampleRate <= 0 || info.Channels <= 0)
            throw new AudioDecodeException(AudioDecodeErrorKind.Invalid, $"'{name}' declares {info.Channels} channels at {info.SampleRate} Hz.");

        ProcessStartInfo psi;
        int bytesPerSample;
        if (ProgramLocator.Find("flac", searchPath) is { } flac)
        {
            psi = ProcessPcmReader.Command(flac, "-d", "-c", "-s", "--force-raw-format", "--endian=little", "--sign=signed", path);
            bytesPerSample = (info.BitsPerSample + 7) / 8;
        }
        else if (ProgramLocator.Find("ffmpeg", searchPath) is { } ffmpeg)
        {
            psi = ProcessPcmReader.Command(ffmpeg, "-v", "error", "-nostdin", "-i", path, "-f", "f32le", "-acodec", "pcm_f32le", "-");
            bytesPerSample = 0; // float
        }
        else
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.DecoderMissing,
                $"'{name}' is FLAC, which needs the 'flac' program (or ffmpeg): install it with 'sudo apt-get install flac'.");
        }

        return new ProcessPcmReader(psi, path, info.SampleRate, info.Channels, bytesPerSample, info.BitsPerSample,
            info.TotalSamples > 0 ? info.TotalSamples : null);
    }

    /// <summary>The STREAMINFO block (always the first metadata block of a FLAC file).</summary>
    private readonly record struct StreamInfo(int SampleRate, int Channels, int BitsPerSample, long TotalSamples)
    {
        public static StreamInfo Read(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> head = stackalloc byte[4 + 4 + 34];
            var name = Path.GetFileName(path);
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
                throw new AudioDecodeException(AudioDecodeErrorKind.Truncated, $"'{name}' is cut off inside its FLAC header.");
            if (!head[..4].SequenceEqual("fLaC"u8) || (head[4] & 0x7F) != 0 || (head[5] << 16 | head[6] << 8 | head[7]) != 34)
                throw new AudioDecodeException(AudioDecodeErrorKind.Invalid, $"'{name}' has no FLAC STREAMINFO block where it must be.");
            var b = head[8..];
            // 16 min block, 16 max block, 24 min frame, 24 max frame, then 20 rate, 3 channels-1, 5 bps-1, 36 samples.
            var packed = BinaryPrimitives.ReadUInt64BigEndian(b[10..]);
            var rate = (int)(packed >> 44);
            var channels = (int)((packed >> 41) & 7) + 1;
            var bits = (int)((packed >> 36) & 31) + 1;
            var total = (long)(packed & 0xF_FFFF_FFFFUL);
            return new StreamInfo(rate, channels, bits, total);
        }
    }
}
