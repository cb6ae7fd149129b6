using System.Threading.Channels;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Hands fixed-size blocks of captured audio from a capture thread to an async reader. Blocks are allocated once and
/// recycled; when the reader falls behind and every block is queued, the oldest queued block is reused (newest audio
/// wins, as a live source should). One capture thread and one reader.
/// </summary>
internal sealed class CaptureQueue
{
    private readonly Channel<float[]> _filled;
    private readonly Channel<float[]> _free;
    private readonly int _blockSamples;
    private Exception? _failure;
    private float[]? _current;
    private int _currentOffset;

    public CaptureQueue(int blockSamples, int capacityBlocks)
    {
        _blockSamples = blockSamples;
        _filled = Channel.CreateBounded<float[]>(new BoundedChannelOptions(capacityBlocks) { SingleReader = false, SingleWriter = true });
        _free = Channel.CreateUnbounded<float[]>();
        // capacity in the queue, one being filled, one being consumed
        for (var i = 0; i < capacityBlocks + 2; i++) _free.Writer.TryWrite(new float[blockSamples]);
    }

    /// <summary>Capture thread: a block to fill.</summary>
    public float[] Rent()
    {
        if (_free.Reader.TryRead(out var block)) return block;
        if (_filled.Reader.TryRead(out block)) return block;
        return new float[_blockSamples];
    }

    /// <summary>Capture thread: hands a filled block to the reader.</summary>
    public void Publish(float[] block)
    {
        if (!_filled.Writer.TryWrite(block)) _free.Writer.TryWrite(block);
    }

    /// <summary>Capture thread (or dispose): no more blocks; a non-null <paramref name="failure"/> is what readers get.</summary>
    public void Complete(Exception? failure = null)
    {
        if (failure is not null) Interlocked.CompareExchange(ref _failure, failure, null);
        _filled.Writer.TryComplete();
    }

    /// <summary>Reader: copies queued audio into <paramref name="buffer"/>; waits only when nothing is queued.</summary>
    public async ValueTask<int> ReadAsync(Memory<float> buffer, string description, CancellationToken cancellationToken)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_current is null)
            {
                if (_filled.Reader.TryRead(out var next))
                {
                    _current = next;
                    _currentOffset = 0;
                    continue;
                }
                if (written > 0) break; // hand over what we have rather than wait for more
                if (!await _filled.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var failure = Volatile.Read(ref _failure);
                    if (failure is AudioSourceException audio) throw new AudioSourceException(audio.Message, audio);
                    throw new AudioSourceException($"Recording from {description} has stopped.", failure ?? new ObjectDisposedException(description));
                }
                continue;
            }

            var count = Math.Min(_current.Length - _currentOffset, buffer.Length - written);
            _current.AsSpan(_currentOffset, count).CopyTo(buffer.Span[written..]);
            _currentOffset += count;
            written += count;
            if (_currentOffset == _current.Length)
            {
                _free.Writer.TryWrite(_current);
                _current = null;
            }
        }
        return written;
    }
}
