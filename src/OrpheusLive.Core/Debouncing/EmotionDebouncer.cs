using System.Reactive.Concurrency;
using System.Reactive.Linq;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// Turns noisy per-window emotion scores into a stable emotion: windows without speech are ignored, the scores of
/// recent speech windows are averaged, and a new emotion is accepted only when its average reaches the threshold,
/// leads the current emotion by the hysteresis margin, and stays on top without interruption for the hold time.
/// </summary>
/// <remarks>
/// Time is read from the scheduler, never from the events, so tests drive it with a <c>HistoricalScheduler</c>
/// and the live pipeline drives it with audio time (which makes <c>--fast</c> runs decide exactly like real-time ones).
/// </remarks>
public static class EmotionDebouncer
{
    /// <summary>Emits one <see cref="EmotionState"/> per speech window.</summary>
    public static IObservable<EmotionState> Debounce(
        this IObservable<WindowEvent> windows, DebounceOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        return Observable.Defer(() =>
        {
            var state = new DebounceState(options);
            return windows
                .Where(w => w.Speech && w.Scores.Count > 0)
                .Select(w => state.Next(w.Scores, scheduler.Now));
        });
    }

    /// <summary>The per-subscription state machine; not thread-safe (Rx serialises OnNext).</summary>
    private sealed class DebounceState(DebounceOptions options)
    {
        private readonly Queue<(DateTimeOffset Time, float[] Scores)> _recent = new();
        private string[] _labels = [];
        private float[] _mean = [];
        private string? _current;
        private string? _candidate;
        private DateTimeOffset _candidateSince;

        public EmotionState Next(IReadOnlyList<KeyValuePair<string, float>> scores, DateTimeOffset now)
        {
            Remember(scores, now);
            Average();

            var top = ArgMax(_mean);
            var topLabel = _labels[top];
            var topScore = _mean[top];
            var currentIndex = _current is null ? -1 : Array.IndexOf(_labels, _current);
            var currentScore = currentIndex >= 0 ? _mean[currentIndex] : 0f;

            var confidentChallenger = topScore >= options.Threshold
                && topLabel != _current
                && topScore - currentScore >= options.HysteresisMargin;
            if (!confidentChallenger)
            {
                // Any interruption restarts the hold: a challenger must lead continuously.
                _candidate = null;
                return new EmotionState(now, _current, _current is null ? topScore : currentScore, false);
            }

            if (_candidate != topLabel)
            {
                _candidate = topLabel;
                _candidateSince = now;
            }

            if ((now - _candidateSince).TotalSeconds < options.HoldSeconds)
            {
                return new EmotionState(now, _current, _current is null ? topScore : currentScore, false);
            }

            _current = topLabel;
            _candidate = null;
            return new EmotionState(now, _current, topScore, true);
        }

        private void Remember(IReadOnlyList<KeyValuePair<string, float>> scores, DateTimeOffset now)
        {
            if (!SameLabels(scores))
            {
                // A different model (or label order) invalidates what we averaged so far.
                _labels = scores.Select(s => s.Key).ToArray();
                _mean = new float[_labels.Length];
                _recent.Clear();
            }

            var vector = _recent.Count >= options.SmoothingWindows ? _recent.Dequeue().Scores : new float[_labels.Length];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = scores[i].Value;
            }

            _recent.Enqueue((now, vector));
            var maxAge = TimeSpan.FromSeconds(options.SmoothingMaxAgeSeconds);
            while (_recent.Count > 1 && now - _recent.Peek().Time > maxAge)
            {
                _recent.Dequeue();
            }
        }

        private bool SameLabels(IReadOnlyList<KeyValuePair<string, float>> scores)
        {
            if (scores.Count != _labels.Length)
            {
                return false;
            }

            for (var i = 0; i < _labels.Length; i++)
            {
                if (!string.Equals(scores[i].Key, _labels[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private void Average()
        {
            Array.Clear(_mean);
            foreach (var (_, vector) in _recent)
            {
                for (var i = 0; i < _mean.Length; i++)
                {
                    _mean[i] += vector[i];
                }
            }

            for (var i = 0; i < _mean.Length; i++)
            {
                _mean[i] /= _recent.Count;
            }
        }

        private static int ArgMax(float[] values)
        {
            var best = 0;
            for (var i = 1; i < values.Length; i++)
            {
                if (values[i] > values[best])
                {
                    best = i;
                }
            }

            return best;
        }
    }
}
