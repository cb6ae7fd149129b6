using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Soak;

/// <summary>Plays a pattern of samples over and over, as fast as it is read, until a total length is reached.</summary>
public sealed class LoopingAudioSource(float[] pattern, long totalSamples) : IAudioSource
{
    private long _position;

    /// <inheritdoc />
    public string Description => $"soak loop ({totalSamples / (double)IAudioSource.SampleRate / 60:F0} min)";

    /// <inheritdoc />
    public bool IsLive => false;

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var span = buffer.Span;
        var n = (int)Math.Min(span.Length, totalSamples - _position);
        for (var written = 0; written < n;)
        {
            var offset = (int)((_position + written) % pattern.Length);
            var run = Math.Min(n - written, pattern.Length - offset);
            pattern.AsSpan(offset, run).CopyTo(span[written..]);
            written += run;
        }

        _position += n;
        return ValueTask.FromResult(n);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
