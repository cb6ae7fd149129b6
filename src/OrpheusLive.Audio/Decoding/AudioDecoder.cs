namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// <see cref="IAudioDecoder"/> over the registered <see cref="IAudioFormat"/>s: picks the format by the file's first
/// bytes (so a misnamed file still decodes), else by its extension, and converts to mono at the wanted rate with
/// <see cref="MonoStreamReader"/>. Adding a format is one more <see cref="IAudioFormat"/> registration.
/// </summary>
public sealed class AudioDecoder : IAudioDecoder
{
    private const int SniffBytes = 64;

    // Every known container needs this many bytes to say what it is (RIFF/WAVE: 12). A shorter file that no format
    // recognises is a cut-off file (HTTP 400), not a file of some other kind (415).
    private const int ShortestHeader = 12;
    private readonly IAudioFormat[] _formats;

    /// <summary>Creates the decoder over <paramref name="formats"/> (tried in order).</summary>
    public AudioDecoder(IEnumerable<IAudioFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = [.. formats];
        if (_formats.Length == 0) throw new ArgumentException("At least one audio format is needed.", nameof(formats));
    }

    /// <inheritdoc />
    public IReadOnlyList<IAudioFormat> Formats => _formats;

    /// <inheritdoc />
    public IMonoAudioReader Open(string path, int sampleRate = 16_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        var format = FormatOf(path);
        var stream = format.Open(path);
        try
        {
            return new MonoStreamReader(stream, format.Name, sampleRate);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The format that reads <paramref name="path"/>.</summary>
    /// <exception cref="AudioDecodeException">The file cannot be opened or is in no known format.</exception>
    public IAudioFormat FormatOf(string path)
    {
        var header = ReadHeader(path, out var length);
        if (length == 0)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Empty, $"'{path}' is empty (0 bytes): it holds no audio.");
        }

        foreach (var format in _formats)
        {
            if (format.Sniff(header)) return format;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        foreach (var format in _formats)
        {
            if (format.Extensions.Contains(extension)) return format;
        }

        if (length < ShortestHeader)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Truncated,
                $"'{path}' is truncated: it has only {length} bytes, too few for any audio format's header.");
        }

        var known = string.Join(", ", _formats.Select(f => f.Name));
        throw new AudioDecodeException(AudioDecodeErrorKind.NotAudio, $"'{path}' is not an audio file this app reads (known formats: {known}).");
    }

    private static byte[] ReadHeader(string path, out long length)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            length = file.Length;
            var header = new byte[(int)Math.Min(SniffBytes, length)];
            file.ReadExactly(header);
            return header;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Unreadable, $"'{path}' does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.Unreadable, $"'{path}' cannot be read: {e.Message}", e);
        }
    }
}
