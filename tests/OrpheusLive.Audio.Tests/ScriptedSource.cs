using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Tests;

/// <summary>A source that hands out a prepared signal block by block: a microphone (<paramref name="live"/>) or a file.</summary>
internal sealed class ScriptedSource(float[] signal, int block, bool live = true) : IAudioSource
{
    private int _position;

    public bool Disposed { get; private set; }

    public string Description => live ? "scripted microphone" : "scripted file";

    public bool IsLive => live;

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        var n = Math.Min(Math.Min(block, buffer.Length), signal.Length - _position);
        signal.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        return ValueTask.FromResult(n);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
