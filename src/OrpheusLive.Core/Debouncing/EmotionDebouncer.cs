using System.Reactive.Concurrency;
using System.Reactive.Linq;
using OrpheusLive.Core.Pipeline;

namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// Turns noisy per-window emotion scores into a stable emotion. Windows without speech are ignored. The scores of
/// speech windows are smoothed by a Bayesian forward filter: a belief over the labels that each window updates as
/// evidence (weighted by <see cref="DebounceOptions.EvidenceWeight"/>) and that fades back towards "don't know" at
/// <see cref="DebounceOptions.ChangeRatePerSecond"/>, between windows and across pauses. Consistent windows therefore
/// build confidence even when each one alone is unsure, while one odd window barely moves it. A new emotion is
/// accepted only when its belief reaches the threshold, leads the current emotion by the hysteresis margin, and stays
/// on top without interruption for the hold time. Each state also carries the belief and the challenger being held back
/// with the hold time it still needs, so a UI can say why the emotion has not changed yet.
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
        // Probabilities are floored so a single window can never rule an emotion out for good.
        private const double MinProbability = 1e-4;

        private string[] _labels = [];
        private double[] _belief = [];
        private DateTimeOffset _lastUpdate;
        private string? _current;
        private DateTimeOffset? _currentSince;
        private string? _candidate;
        private DateTimeOffset _candidateSince;

        public EmotionState Next(IReadOnlyList<KeyValuePair<string, float>> scores, DateTimeOffset now)
        {
            Update(scores, now);

            var top = ArgMax(_belief);
            var topLabel = _labels[top];
            var topScore = (float)_belief[top];
            var currentIndex = _current is null ? -1 : Array.IndexOf(_labels, _current);
            var currentScore = currentIndex >= 0 ? (float)_belief[currentIndex] : 0f;

            var confidentChallenger = topScore >= options.Threshold
                && topLabel != _current
                && topScore - currentScore >= options.HysteresisMargin;
            if (!confidentChallenger)
            {
                // Any interruption restarts the hold: a challenger must lead continuously.
                _candidate = null;
                return State(now, _current is null ? topScore : currentScore, false, null, TimeSpan.Zero);
            }

            if (_candidate != topLabel)
            {
                _candidate = topLabel;
                _candidateSince = now;
            }

            var held = now - _candidateSince;
            var hold = TimeSpan.FromSeconds(options.HoldSeconds);
            if (held < hold)
            {
                return State(now, _current is null ? topScore : currentScore, false, topLabel, hold - held);
            }

            _current = topLabel;
            _currentSince = now;
            _candidate = null;
            return State(now, topScore, true, null, TimeSpan.Zero);
        }

        private EmotionState State(DateTimeOffset now, float confidence, bool changed, string? challenger, TimeSpan holdRemaining)
        {
            var belief = new KeyValuePair<string, float>[_labels.Length];
            for (var i = 0; i < belief.Length; i++)
            {
                belief[i] = new(_labels[i], (float)_belief[i]);
            }

            return new EmotionState(now, _current, confidence, changed)
            {
                Belief = belief,
                Since = _currentSince,
                Challenger = challenger,
                HoldRemaining = holdRemaining,
            };
        }

        private void Update(IReadOnlyList<KeyValuePair<string, float>> scores, DateTimeOffset now)
        {
            var n = scores.Count;
            if (!SameLabels(scores))
            {
                // A different model (or label order) invalidates the belief.
                _labels = scores.Select(s => s.Key).ToArray();
                _belief = Enumerable.Repeat(1.0 / n, n).ToArray();
                _lastUpdate = now;
            }

            // Predict: the emotion may have changed since the last update, more likely the longer ago it was.
            var elapsed = Math.Max(0, (now - _lastUpdate).TotalSeconds);
            var change = 1 - Math.Pow(1 - options.ChangeRatePerSecond, Math.Max(elapsed, 1e-3));
            _lastUpdate = now;

            // Correct: weigh the belief by this window's (tempered) probabilities.
            double total = 0;
            for (var i = 0; i < n; i++)
            {
                var prior = (_belief[i] * (1 - change)) + (change / n);
                _belief[i] = prior * Math.Pow(Math.Max(scores[i].Value, MinProbability), options.EvidenceWeight);
                total += _belief[i];
            }

            for (var i = 0; i < n; i++)
            {
                _belief[i] /= total;
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

        private static int ArgMax(double[] values)
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
