using NLayer;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// MPEG audio layers I–III (MP3) through NLayer (managed). A Xing/Info header's frame count (LAME writes one) tells
/// the declared length, so a cut-off file is refused as truncated; a file without one that ends between frames cannot
/// be told from a shorter song and is decoded as what is there.
/// </summary>
public sealed class Mp3AudioFormat : IAudioFormat
{
    /// <inheritdoc />
    public string Name => "MP3";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".mp3", ".mp2", ".mpga"];

    /// <inheritdoc />
    public bool Sniff(ReadOnlySpan<byte> header) => Mp3Header.Sniff(header);

    /// <inheritdoc />
    public IAudioStreamReader Open(string path)
    {
        var name = Path.GetFileName(path);
        var declared = FileErrors.Open(path, () => Mp3Header.DeclaredSamples(path));
        MpegFile? file = null;
        try
        {
            file = FileErrors.Open(path, () => new MpegFile(path));
            if (file.Channels is < 1 or > 2 || file.SampleRate <= 0)
                throw new AudioDecodeException(AudioDecodeErrorKind.NotAudio, $"'{name}' holds no MPEG audio frames.");
            return new Reader(file, path, declared);
        }
        catch (AudioDecodeException)
        {
            file?.Dispose();
            throw;
        }
        catch (InvalidDataException e) when (declared is <= 1152)
        {
            // LAME's Info frame and nothing after it: an encoding of 0 samples.
            file?.Dispose();
            throw new AudioDecodeException(AudioDecodeErrorKind.Empty, $"'{name}' holds no audio (0 s).", e);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or EndOfStreamException or InvalidOperationException or IndexOutOfRangeException or NotSupportedException)
        {
            file?.Dispose();
            throw new AudioDecodeException(AudioDecodeErrorKind.NotAudio, $"'{name}' is not a readable MP3 file: {e.Message}", e);
        }
    }

    private sealed class Reader(MpegFile file, string path, long? declared) : IAudioStreamReader
    {
        private readonly int _channels = file.Channels;
        private float[] _buffer = [];
        private long _frames;
        private bool _checked;

        public int SampleRate { get; } = file.SampleRate;

        public int Channels => _channels;

        public TimeSpan? DeclaredDuration => declared is { } d ? TimeSpan.FromSeconds(d / (double)SampleRate) : null;

        public int Read(Span<float> interleaved)
        {
            var whole = interleaved.Length - interleaved.Length % _channels;
            if (_buffer.Length < whole) _buffer = new float[whole];
            int n;
            try
            {
                n = file.ReadSamples(_buffer, 0, whole);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or EndOfStreamException)
            {
                throw new AudioDecodeException(AudioDecodeErrorKind.Invalid,
                    $"'{Path.GetFileName(path)}' is damaged at {DecodedLength.Format(_frames, SampleRate)}: {e.Message}", e);
            }
            n -= n % _channels;
            _buffer.AsSpan(0, n).CopyTo(interleaved);
            _frames += n / _channels;
            if (n == 0 && !_checked)
            {
                _checked = true;
                DecodedLength.EnsureComplete(path, _frames, declared, SampleRate);
            }
            return n;
        }

        public void Dispose() => file.Dispose();
    }
}
