using OrpheusLive.Core.Audio;

namespace OrpheusLive.Tests.Shared;

/// <summary>
/// Plays a float array in chunks of a given size, as a file or (<see cref="Live"/>) a microphone; <see cref="At"/> runs
/// actions when reading passes a position. The one scripted input of the test projects.
/// </summary>
public sealed class ArraySource(float[] samples, int chunk = 777) : IAudioSource
{
    private readonly SortedList<int, Action> _actions = [];
    private int _position;

    /// <summary>Samples read so far.</summary>
    public int Position => Volatile.Read(ref _position);

    /// <summary>Behave like a microphone (the pipeline keeps reading while paused) instead of a file.</summary>
    public bool Live { get; init; }

    /// <summary>True once the source was disposed (by whatever owns it).</summary>
    public bool Disposed { get; private set; }

    /// <summary>Runs <paramref name="action"/> once reading reaches <paramref name="seconds"/>.</summary>
    public ArraySource At(double seconds, Action action)
    {
        _actions.Add((int)(seconds * IAudioSource.SampleRate), action);
        return this;
    }

    public string Description => "array";

    public bool IsLive => Live;

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        var n = Math.Min(Math.Min(chunk, buffer.Length), samples.Length - _position);
        samples.AsSpan(_position, n).CopyTo(buffer.Span);
        _position += n;
        while (_actions.Count > 0 && _actions.Keys[0] <= _position)
        {
            var action = _actions.Values[0];
            _actions.RemoveAt(0);
            action();
        }

        return ValueTask.FromResult(n);
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
