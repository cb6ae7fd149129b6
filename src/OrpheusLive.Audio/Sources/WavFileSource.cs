using OrpheusLive.Audio.Dsp;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Streams a WAV file as 16 kHz mono floats (any WAV format the reader supports is converted on the fly), either
/// paced like a live microphone or as fast as possible. Returns 0 at the end of the file.
/// </summary>
public sealed class WavFileSource : IAudioSource
{
    private const int BlockFrames = 4096;
    private readonly WavReader _reader;
    private readonly MonoResampler _converter;
    private readonly float[] _frames;
    private readonly float[] _pending;
    private readonly TimeProvider _time;
    private readonly bool _paced;
    private int _pendingOffset;
    private int _pendingCount;
    private bool _endOfFile;
    private long _delivered;
    private long _startTimestamp = -1;
    private bool _disposed;

    /// <summary>Opens the file and checks its header.</summary>
    /// <param name="options">The file and pacing.</param>
    /// <param name="timeProvider">The clock used for real-time pacing; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="AudioSourceException">The file is missing or not a readable WAV file.</exception>
    public WavFileSource(WavFileSourceOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        try
        {
            _reader = WavReader.Open(options.Path, new WavReadOptions { AllowTruncated = options.AllowTruncated });
        }
        catch (WavFormatException e)
        {
            throw new AudioSourceException(e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioSourceException($"Cannot open the input file '{options.Path}': {e.Message}", e);
        }

        var format = _reader.Format;
        _converter = new MonoResampler(format.SampleRate, format.Channels, IAudioSource.SampleRate, BlockFrames);
        _frames = new float[BlockFrames * format.Channels];
        _pending = new float[_converter.MaxOutput];
        _time = timeProvider ?? TimeProvider.System;
        _paced = options.PaceRealtime;
        Description = $"{System.IO.Path.GetFileName(options.Path)} ({format}{(_reader.IsTruncated ? ", truncated" : "")})";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => false;

    /// <summary>The source file's format.</summary>
    public WavFormat SourceFormat => _reader.Format;

    /// <summary>True when the file was cut short and is being read up to where it ends.</summary>
    public bool IsTruncated => _reader.IsTruncated;

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty) return 0;

        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingCount == 0 && !Refill()) break;
            var count = Math.Min(_pendingCount, buffer.Length - written);
            _pending.AsSpan(_pendingOffset, count).CopyTo(buffer.Span[written..]);
            _pendingOffset += count;
            _pendingCount -= count;
            written += count;
        }
        if (written == 0) return 0;

        if (_paced) await WaitUntilDue(_delivered + written, cancellationToken).ConfigureAwait(false);
        _delivered += written;
        return written;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_disposed) return ValueTask.CompletedTask;
        _disposed = true;
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }

    // Like a microphone, a block is handed over only once the time it covers has passed.
    private async ValueTask WaitUntilDue(long samplesAfterThisRead, CancellationToken cancellationToken)
    {
        if (_startTimestamp < 0) _startTimestamp = _time.GetTimestamp();
        var due = TimeSpan.FromSeconds(samplesAfterThisRead / (double)IAudioSource.SampleRate);
        var wait = due - _time.GetElapsedTime(_startTimestamp);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private bool Refill()
    {
        if (_endOfFile) return false;
        _pendingOffset = 0;
        try
        {
            while (_pendingCount == 0 && !_endOfFile)
            {
                var frames = _reader.ReadFrames(_frames);
                if (frames == 0)
                {
                    _endOfFile = true;
                    _pendingCount = _converter.Flush(_pending);
                }
                else
                {
                    _pendingCount = _converter.Process(_frames.AsSpan(0, frames * _reader.Format.Channels), _pending);
                }
            }
        }
        catch (IOException e)
        {
            throw new AudioSourceException($"Reading the input file failed: {e.Message}", e);
        }
        return _pendingCount > 0;
    }
}
