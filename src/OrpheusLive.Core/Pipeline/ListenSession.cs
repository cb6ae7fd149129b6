using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// The live pipeline: audio source → rolling window → speech gate + emotion model → debouncer → mood decision → player.
/// Debouncing runs on an audio-time clock, so a file played as fast as possible decides exactly like a real-time run.
/// </summary>
public sealed class ListenSession : ILivePipeline, IDisposable
{
    private readonly IAudioSource _source;
    private readonly WindowAnalyzer _analyzer;
    private readonly IMoodMapStore _moods;
    private readonly ListenOptions _options;
    private readonly DebounceOptions _debounce;
    private readonly ILogger _logger;
    private readonly Subject<PipelineEvent> _events = new();
    private readonly ISubject<PipelineEvent> _syncEvents;
    private readonly object _stateLock = new();
    private readonly HistoricalScheduler _audioClock = new(DateTimeOffset.UnixEpoch);
    private LiveSnapshot _snapshot;
    private volatile bool _paused;
    private volatile bool _resetWindow;

    /// <summary>Creates the session; nothing runs until <see cref="RunAsync"/>.</summary>
    public ListenSession(
        IAudioSource source,
        WindowAnalyzer analyzer,
        IMoodMapStore moods,
        IPlayer player,
        ListenOptions options,
        DebounceOptions debounce,
        ILogger logger)
    {
        _source = source;
        _analyzer = analyzer;
        _moods = moods;
        Player = player;
        _options = options;
        _debounce = debounce;
        _logger = logger;
        if ((options.Validate() ?? debounce.Validate()) is { } error)
        {
            throw new ArgumentException(error);
        }

        _syncEvents = Subject.Synchronize(_events);
        _snapshot = LiveSnapshot.Empty with { Input = source.Description };
    }

    /// <inheritdoc />
    public IObservable<PipelineEvent> Events => _events.AsObservable();

    /// <inheritdoc />
    public LiveSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <inheritdoc />
    public IPlayer Player { get; }

    /// <summary>Windows analysed so far.</summary>
    public long WindowCount { get; private set; }

    /// <inheritdoc />
    public void Pause()
    {
        _paused = true;
        Update(s => s with { Listening = false });
    }

    /// <inheritdoc />
    public void Resume()
    {
        _resetWindow = true; // never analyse a window that spans the pause
        _paused = false;
        Update(s => s with { Listening = true });
    }

    /// <summary>
    /// Reports a condition to the user through the event stream. Warnings and errors stay in
    /// <see cref="LiveSnapshot.Warnings"/> until an event names them in <paramref name="resolves"/>.
    /// </summary>
    public void Report(StatusSeverity severity, string message, string? resolves = null)
    {
        var t = _audioClock.Now.Subtract(DateTimeOffset.UnixEpoch).TotalSeconds;
        Update(s => s with
        {
            Warnings = [.. s.Warnings.Where(w => w != message && w != resolves), .. severity == StatusSeverity.Info ? Array.Empty<string>() : [message]],
        });
        _syncEvents.OnNext(new StatusEvent(t, severity, message, resolves));
    }

    /// <summary>
    /// Runs until the input ends (files) or <paramref name="cancellationToken"/> is cancelled. Pending playback
    /// commands are finished before it returns, so every decision has been reported.
    /// </summary>
    /// <exception cref="AudioSourceException">The input failed.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var windowSamples = _analyzer.WindowSamples;
        var hopSamples = (int)Math.Round(_options.HopSeconds * IAudioSource.SampleRate);
        var rolling = new RollingWindow(windowSamples, hopSamples);
        var window = new float[windowSamples];
        var chunk = new float[hopSamples];

        var windows = new Subject<WindowEvent>();
        var decisions = Channel.CreateUnbounded<MoodDecision>(new UnboundedChannelOptions { SingleReader = true });
        using var decisionSubscription = windows
            .Debounce(_debounce, _audioClock)
            .Do(state => Update(s => s with { Emotion = state.Emotion, Confidence = state.Confidence }))
            .DecideMoods(emotion => _moods.Current.MoodFor(emotion), _debounce, _audioClock)
            .Subscribe(
                d => decisions.Writer.TryWrite(d),
                e => decisions.Writer.TryComplete(e),
                () => decisions.Writer.TryComplete());
        var player = Task.Run(() => PlayDecisionsAsync(decisions.Reader, cancellationToken), CancellationToken.None);

        Update(s => s with { Listening = !_paused });
        _logger.LogInformation("Listening on {Input} (window {Window} s, hop {Hop} s)",
            _source.Description, windowSamples / (double)IAudioSource.SampleRate, _options.HopSeconds);
        try
        {
            var filled = 0;
            var produced = false;
            long read = 0; // every sample read, paused or not: audio time never goes backwards
            while (true)
            {
                var n = await _source.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                filled += n;
                read += n;
                if (filled < chunk.Length)
                {
                    continue;
                }

                filled = 0;
                if (_paused)
                {
                    continue;
                }

                if (_resetWindow)
                {
                    _resetWindow = false;
                    rolling.Reset();
                }

                var chunkStart = read - chunk.Length;
                var offset = 0;
                while (offset < chunk.Length)
                {
                    offset += rolling.Write(chunk.AsSpan(offset));
                    if (!rolling.IsReady)
                    {
                        continue;
                    }

                    rolling.CopyTo(window);
                    produced = true;
                    EmitWindow(window, chunkStart + offset, AudioLevel.RmsDbfs(chunk), windows);
                }
            }

            // An input shorter than one window still gets one window, padded like clip scoring pads it (centred).
            if (!produced && read > 0 && !_paused)
            {
                rolling.CopyNewest(window);
                var have = (int)Math.Min(rolling.TotalSamples, windowSamples);
                var clip = new float[have + filled];
                window.AsSpan(windowSamples - have).CopyTo(clip);
                chunk.AsSpan(0, filled).CopyTo(clip.AsSpan(have));
                WindowPadding.Centre(clip, window);
                EmitWindow(window, read, AudioLevel.RmsDbfs(clip), windows);
            }

            windows.OnCompleted();
        }
        catch (Exception e)
        {
            windows.OnCompleted();
            if (e is not OperationCanceledException)
            {
                Report(StatusSeverity.Error, e.Message);
            }

            await player.ConfigureAwait(false);
            throw;
        }
        finally
        {
            Update(s => s with { Listening = false });
        }

        await player.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _events.OnCompleted();
        _events.Dispose();
    }

    private void EmitWindow(float[] window, long totalSamples, float level, Subject<WindowEvent> windows)
    {
        var t = totalSamples / (double)IAudioSource.SampleRate;
        var result = _analyzer.Analyze(window, t, level);
        WindowCount++;
        Update(s => s with { LastWindow = result });
        _syncEvents.OnNext(result);

        // Advance audio time first: the debouncer reads the clock, not the event.
        _audioClock.AdvanceTo(DateTimeOffset.UnixEpoch.AddSeconds(t));
        windows.OnNext(result);
    }

    private async Task PlayDecisionsAsync(ChannelReader<MoodDecision> decisions, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var decision in decisions.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await PlayAsync(decision, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "The decision stream failed");
        }
    }

    private async Task PlayAsync(MoodDecision decision, CancellationToken cancellationToken)
    {
        var t = decision.Time.Subtract(DateTimeOffset.UnixEpoch).TotalSeconds;
        var targets = _moods.Current.TargetsFor(decision.Mood);
        PlaybackResult result;
        if (targets is null)
        {
            result = PlaybackResult.Failed($"Mood '{decision.Mood}' has no playlists; add one in the mapping editor.");
        }
        else
        {
            try
            {
                // At most one playback command per decision: retries are the player's business, bounded there.
                result = await Player.PlayAsync(new PlayRequest(decision.Mood, targets.Targets, targets.Shuffle), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Player {Player} failed for mood {Mood}", Player.Name, decision.Mood);
                result = PlaybackResult.Failed($"{Player.Name} player failed: {e.Message}");
            }
        }

        _logger.LogInformation("Decision at {T:F1} s: {Emotion} → {Mood} → {Target}", t, decision.Emotion, decision.Mood, result.Target ?? result.Message);
        Update(s => s with { Mood = decision.Mood, Playing = Player.Current });
        _syncEvents.OnNext(new DecisionEvent(t, decision.Emotion, decision.Mood, decision.Confidence, result.Target, Player.Name, result.Message));
        if (!result.Started && result.Message is not null)
        {
            Report(StatusSeverity.Warning, result.Message);
        }
    }

    private void Update(Func<LiveSnapshot, LiveSnapshot> change)
    {
        lock (_stateLock)
        {
            _snapshot = change(_snapshot);
        }
    }
}
