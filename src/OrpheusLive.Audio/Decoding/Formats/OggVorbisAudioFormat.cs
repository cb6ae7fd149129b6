using NVorbis;
using OrpheusLive.Audio.Decoding.Formats.Ogg;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// Ogg Vorbis through NVorbis (managed) for mono and stereo. The first logical stream is decoded (a chained file's later
/// songs are not). A file that ends inside a page, or decodes to less than its last page's position declares, is
/// refused as truncated; damaged pages NVorbis cannot resynchronise past are reported as invalid.
/// </summary>
/// <remarks>
/// NVorbis 0.10.5 decodes surround Vorbis wrongly (a 5.1 file came out ~40 dB too quiet against libvorbis's
/// <c>oggdec</c>; its author never supported more than 2 channels), so files of 3+ channels are decoded by
/// <c>oggdec</c> (vorbis-tools) or <c>ffmpeg</c> when installed, else refused naming the package.
/// </remarks>
/// <param name="searchPath">Where to look for <c>oggdec</c>/<c>ffmpeg</c> (PATH when null).</param>
public sealed class OggVorbisAudioFormat(string? searchPath = null) : IAudioFormat
{
    /// <inheritdoc />
    public string Name => "Ogg Vorbis";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".ogg", ".oga"];

    /// <inheritdoc />
    public bool Sniff(ReadOnlySpan<byte> header) => OggHeader.FirstPacketStartsWith(header, "\u0001vorbis"u8);

    /// <inheritdoc />
    public IAudioStreamReader Open(string path)
    {
        var name = Path.GetFileName(path);
        FormatGuard.EnsureLooksLike(this, path);
        OggTail.EnsureNotCutOff(path);
        VorbisReader? reader = null;
        try
        {
            reader = FileErrors.Open(path, () => new VorbisReader(path));
            if (reader.Channels <= 0 || reader.SampleRate <= 0)
                throw new AudioDecodeException(AudioDecodeErrorKind.Invalid, $"'{name}' declares {reader.Channels} channels at {reader.SampleRate} Hz.");
            if (reader.Channels > 2)
            {
                var (rate, channels, declared) = (reader.SampleRate, reader.Channels, reader.TotalSamples);
                reader.Dispose();
                return Surround(path, rate, channels, declared > 0 ? declared : null);
            }
            return new Reader(reader, path);
        }
        catch (AudioDecodeException)
        {
            reader?.Dispose();
            throw;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or EndOfStreamException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException)
        {
            reader?.Dispose();
            throw new AudioDecodeException(AudioDecodeErrorKind.Invalid, $"'{name}' is not a readable Ogg Vorbis file: {e.Message}", e);
        }
    }

    private ProcessPcmReader Surround(string path, int rate, int channels, long? declared)
    {
        if (ProgramLocator.Find("oggdec", searchPath) is { } oggdec)
            return new ProcessPcmReader(ProcessPcmReader.Command(oggdec, "-Q", "-R", "-b", "16", "-e", "0", "-s", "1", "-o", "-", path), path, rate, channels, 2, 16, declared);
        if (ProgramLocator.Find("ffmpeg", searchPath) is { } ffmpeg)
            return new ProcessPcmReader(ProcessPcmReader.Command(ffmpeg, "-v", "error", "-nostdin", "-i", path, "-f", "f32le", "-acodec", "pcm_f32le", "-"), path, rate, channels, 0, 32, declared);
        throw new AudioDecodeException(AudioDecodeErrorKind.DecoderMissing,
            $"'{Path.GetFileName(path)}' is {channels}-channel Ogg Vorbis, which needs the 'oggdec' program (or ffmpeg): install it with 'sudo apt-get install vorbis-tools'.");
    }

    private sealed class Reader(VorbisReader reader, string path) : IAudioStreamReader
    {
        private readonly long? _declared = reader.TotalSamples > 0 ? reader.TotalSamples : null;
        private long _frames;
        private bool _checked;

        public int SampleRate => reader.SampleRate;

        public int Channels => reader.Channels;

        public TimeSpan? DeclaredDuration => _declared is { } d ? TimeSpan.FromSeconds(d / (double)reader.SampleRate) : null;

        public int Read(Span<float> interleaved)
        {
            var whole = interleaved.Length - interleaved.Length % Channels;
            int n;
            try
            {
                n = reader.ReadSamples(interleaved[..whole]);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or EndOfStreamException)
            {
                throw new AudioDecodeException(AudioDecodeErrorKind.Invalid,
                    $"'{Path.GetFileName(path)}' is damaged at {DecodedLength.Format(_frames, SampleRate)}: {e.Message}", e);
            }
            _frames += n / Channels;
            if (n == 0 && !_checked)
            {
                _checked = true;
                DecodedLength.EnsureComplete(path, _frames, _declared, SampleRate);
            }
            return n;
        }

        public void Dispose() => reader.Dispose();
    }
}
