using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Decoding.Formats;

/// <summary>
/// RIFF/WAVE through the app's own <see cref="WavReader"/> (kept over NAudio's reader: against the independent
/// conformance files it rejects every invalid file with a message that names it, where NAudio accepts 8 of 37 silently).
/// </summary>
/// <param name="options">Strictness; <see cref="WavReadOptions.Default"/> (truncated files rejected) when null.</param>
public sealed class WavAudioFormat(WavReadOptions? options = null) : IAudioFormat
{
    /// <inheritdoc />
    public string Name => "WAV";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".wav", ".wave"];

    /// <inheritdoc />
    public bool Sniff(ReadOnlySpan<byte> header) =>
        header.Length >= 12 && (header[..4].SequenceEqual("RIFF"u8) || header[..4].SequenceEqual("RF64"u8)) && header[8..12].SequenceEqual("WAVE"u8);

    /// <inheritdoc />
    public IAudioStreamReader Open(string path)
    {
        try
        {
            return new Reader(WavReader.Open(path, options));
        }
        catch (WavFormatException e)
        {
            throw new AudioDecodeException(KindOf(e.Kind), e.Message, e);
        }
    }

    private static AudioDecodeErrorKind KindOf(WavErrorKind kind) => kind switch
    {
        WavErrorKind.Unsupported => AudioDecodeErrorKind.Unsupported,
        WavErrorKind.Truncated => AudioDecodeErrorKind.Truncated,
        _ => AudioDecodeErrorKind.Invalid,
    };

    private sealed class Reader(WavReader reader) : IAudioStreamReader
    {
        public int SampleRate => reader.Format.SampleRate;

        public int Channels => reader.Format.Channels;

        public TimeSpan? DeclaredDuration => reader.Duration;

        public int Read(Span<float> interleaved)
        {
            try
            {
                return reader.ReadFrames(interleaved) * reader.Format.Channels;
            }
            catch (WavFormatException e)
            {
                throw new AudioDecodeException(KindOf(e.Kind), e.Message, e);
            }
        }

        public void Dispose() => reader.Dispose();
    }
}
