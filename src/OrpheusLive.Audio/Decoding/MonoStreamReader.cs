using OrpheusLive.Audio.Dsp;

namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// Converts an <see cref="IAudioStreamReader"/> (any rate, any channels) to mono at one rate as it is read: downmix,
/// then the app's band-limited <see cref="Resampler"/> (kept over NAudio's WdlResampler: 121 dB vs 62 dB SNR measured).
/// Buffers are allocated once; reading allocates nothing.
/// </summary>
public sealed class MonoStreamReader : IMonoAudioReader
{
    private const int BlockFrames = 4096;
    private readonly IAudioStreamReader _stream;
    private readonly MonoResampler _converter;
    private readonly float[] _frames;
    private readonly float[] _pending;
    private int _pendingOffset;
    private int _pendingCount;
    private bool _ended;

    /// <summary>Wraps <paramref name="stream"/> (owned: disposed with this reader).</summary>
    /// <param name="stream">The decoded file.</param>
    /// <param name="formatName">The format's name, for messages.</param>
    /// <param name="sampleRate">The output rate.</param>
    public MonoStreamReader(IAudioStreamReader stream, string formatName, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stream.Channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stream.SampleRate);
        _stream = stream;
        FormatName = formatName;
        SampleRate = sampleRate;
        _converter = new MonoResampler(stream.SampleRate, stream.Channels, sampleRate, BlockFrames);
        _frames = new float[BlockFrames * stream.Channels];
        _pending = new float[_converter.MaxOutput];
    }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public string FormatName { get; }

    /// <inheritdoc />
    public (int SampleRate, int Channels) Source => (_stream.SampleRate, _stream.Channels);

    /// <inheritdoc />
    public TimeSpan? DeclaredDuration => _stream.DeclaredDuration;

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingCount == 0 && !Refill()) break;
            var count = Math.Min(_pendingCount, buffer.Length - written);
            _pending.AsSpan(_pendingOffset, count).CopyTo(buffer[written..]);
            _pendingOffset += count;
            _pendingCount -= count;
            written += count;
        }

        return written;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private bool Refill()
    {
        _pendingOffset = 0;
        while (_pendingCount == 0 && !_ended)
        {
            var samples = _stream.Read(_frames);
            if (samples == 0)
            {
                _ended = true;
                _pendingCount = _converter.Flush(_pending);
                break;
            }

            _pendingCount = _converter.Process(_frames.AsSpan(0, samples), _pending);
        }

        return _pendingCount > 0;
    }
}
