using OrpheusLive.Audio.Decoding;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Streams an audio file decoded by the one <see cref="IAudioDecoder"/> as 16 kHz mono floats, either paced like a live
/// microphone or as fast as possible. Returns 0 at the end of the file.
/// </summary>
/// <remarks>
/// Pacing hands a block over only once the time it covers has passed on <see cref="TimeProvider"/>. A reader that
/// stopped reading for a while (the pipeline's listening was paused) does not get the gap as a burst: pacing starts
/// afresh from the current time when it is more than <see cref="MaxLag"/> behind.
/// </remarks>
public sealed class DecodedFileSource : IAudioSource
{
    /// <summary>How far behind real time a paced reader may fall before pacing restarts from now.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(1);

    private readonly IMonoAudioReader _reader;
    private readonly TimeProvider _time;
    private readonly bool _paced;
    private long _delivered;
    private long _anchorSamples;
    private long _anchorTimestamp = -1;
    private bool _ended;
    private bool _disposed;

    /// <summary>Wraps an opened file (owned: disposed with this source).</summary>
    /// <param name="reader">The file, decoded to 16 kHz mono (<see cref="IAudioDecoder.Open"/>).</param>
    /// <param name="path">The file, for the description.</param>
    /// <param name="paced">Deliver no faster than real time (a live demo) instead of as fast as possible (<c>--fast</c>).</param>
    /// <param name="timeProvider">The clock that paces; <see cref="TimeProvider.System"/> when null.</param>
    public DecodedFileSource(IMonoAudioReader reader, string path, bool paced, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.SampleRate != IAudioSource.SampleRate)
        {
            throw new ArgumentException($"The reader must deliver {IAudioSource.SampleRate} Hz (got {reader.SampleRate}).", nameof(reader));
        }

        _reader = reader;
        _paced = paced;
        _time = timeProvider ?? TimeProvider.System;
        var (rate, channels) = reader.Source;
        Description = $"{Path.GetFileName(path)} ({reader.FormatName}, {rate} Hz, {channels} ch)";
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public bool IsLive => false;

    /// <inheritdoc />
    /// <exception cref="AudioSourceException">The file is damaged further in; the message names it.</exception>
    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty || _ended) return 0;

        int written;
        try
        {
            written = _reader.Read(buffer.Span);
        }
        catch (AudioDecodeException e)
        {
            throw new AudioSourceException(e.Message, e);
        }

        if (written == 0)
        {
            _ended = true;
            return 0;
        }

        if (_paced) await WaitUntilDueAsync(_delivered + written, cancellationToken).ConfigureAwait(false);
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
    private async ValueTask WaitUntilDueAsync(long samplesAfterThisRead, CancellationToken cancellationToken)
    {
        if (_anchorTimestamp < 0 || _time.GetElapsedTime(_anchorTimestamp) - Due(_delivered) > MaxLag)
        {
            _anchorTimestamp = _time.GetTimestamp();
            _anchorSamples = _delivered;
        }

        var wait = Due(samplesAfterThisRead) - _time.GetElapsedTime(_anchorTimestamp);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan Due(long samples) => TimeSpan.FromSeconds((samples - _anchorSamples) / (double)IAudioSource.SampleRate);
}
