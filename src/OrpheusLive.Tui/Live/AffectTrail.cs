using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Tui.Live;

/// <summary>The listener's recent valence–arousal points, oldest first: one per speech window, at most <see cref="Capacity"/>.</summary>
public sealed class AffectTrail
{
    /// <summary>How many points the trail keeps.</summary>
    public const int Capacity = 24;

    private readonly Queue<ListenerAffect> _points = new(Capacity);
    private double _lastWindowT = double.NaN;

    /// <summary>The points, oldest first (the last is the current one).</summary>
    public IReadOnlyCollection<ListenerAffect> Points => _points;

    /// <summary>Adds the state's affect when it comes from a speech window the trail has not seen; returns true when the trail changed.</summary>
    public bool Add(PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Affect is not { } affect || state.LastSpeechWindow is not { } window || window.T.Equals(_lastWindowT))
        {
            return false;
        }

        _lastWindowT = window.T;
        if (_points.Count == Capacity)
        {
            _points.Dequeue();
        }

        _points.Enqueue(affect);
        return true;
    }
}
