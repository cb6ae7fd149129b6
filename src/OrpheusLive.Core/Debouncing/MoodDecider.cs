using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace OrpheusLive.Core.Debouncing;

/// <summary>
/// Decides when the music changes: when the stable emotion maps to a mood other than the one playing, and the
/// current mood has played for at least the minimum dwell. A change wanted during the dwell waits until a later
/// speech window still wants it, so silence never changes the music and the music never flaps.
/// </summary>
public static class MoodDecider
{
    /// <summary>
    /// Emits a <see cref="MoodDecision"/> whenever the music should change. <paramref name="moodFor"/> maps an
    /// emotion to its mood (null when unmapped) and is called on every state, so mapping edits apply without a restart.
    /// </summary>
    public static IObservable<MoodDecision> DecideMoods(
        this IObservable<EmotionState> states, Func<string, string?> moodFor, DebounceOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(moodFor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);

        return Observable.Defer(() =>
        {
            string? playing = null;
            var changedAt = DateTimeOffset.MinValue;
            var dwell = TimeSpan.FromSeconds(options.MinDwellSeconds);
            return states
                .Select(state =>
                {
                    if (state.Emotion is null || moodFor(state.Emotion) is not { } mood || mood == playing)
                    {
                        return null;
                    }

                    var now = scheduler.Now;
                    if (playing is not null && now - changedAt < dwell)
                    {
                        return null;
                    }

                    playing = mood;
                    changedAt = now;
                    return new MoodDecision(now, state.Emotion, mood, state.Confidence);
                })
                .Where(d => d is not null)
                .Select(d => d!);
        });
    }
}
