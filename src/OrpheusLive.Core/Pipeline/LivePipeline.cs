using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// The live pipeline: audio source → rolling window → speech gate + emotion model → debouncer → mood decision → player,
/// and the one <see cref="PipelineState"/> every front end reads (<see cref="IPipelineControl"/>). Every fact goes through
/// <see cref="PipelineStateReducer.Apply"/> in one order, and the user's controls go through here, never past it to the
/// player. Debouncing runs on an audio-time clock, so a file played as fast as possible decides exactly like a
/// real-time run. Runs once (<see cref="RunAsync"/>); the host's <c>LivePipelineService</c> runs the app's instance.
/// </summary>
public sealed class LivePipeline : IPipelineControl, IDisposable
{
    private readonly IMoodMapStore _moods;
    private readonly ListenOptions _options;
    private readonly DebounceOptions _debounce;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Lock _pauseGate = new();
    private readonly BehaviorSubject<PipelineState> _states = new(PipelineState.Initial);
    private readonly Subject<PipelineEvent> _events = new();
    private readonly HistoricalScheduler _audioClock = new(DateTimeOffset.UnixEpoch);
    private readonly Subject<DateTimeOffset> _userPicks = new(); // audio times of the user's own picks: each restarts the dwell
    private readonly SemaphoreSlim _playerCommands = new(1, 1);
    private PipelineState _state = PipelineState.Initial;
    private IPlayer? _player;
    private CalibrationRun? _calibration;
    private MoodDecision? _deferred;
    private DateTimeOffset _lastUserPick = DateTimeOffset.MinValue; // audio time; read and written under _playerCommands
    private TaskCompletionSource _resumed = Resumed();
    private long _audioSamples;
    private long _windowCount;
    private volatile bool _paused;
    private volatile bool _resetWindow;
    private int _started;
    private bool _disposed;

    /// <summary>Creates the pipeline; nothing runs until <see cref="RunAsync"/>.</summary>
    /// <param name="moods">The mapping (read at every decision, so edits apply without a restart).</param>
    /// <param name="options">Windowing.</param>
    /// <param name="debounce">Debouncing and dwell.</param>
    /// <param name="logger">Where decisions and failures are logged.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the setting).</exception>
    public LivePipeline(IMoodMapStore moods, ListenOptions options, DebounceOptions debounce, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(moods);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(debounce);
        if ((options.Validate() ?? debounce.Validate()) is { } error)
        {
            throw new ArgumentException(error);
        }

        _moods = moods;
        _options = options;
        _debounce = debounce;
        _logger = logger;
    }

    /// <inheritdoc />
    public PipelineState Current => Volatile.Read(ref _state);

    /// <inheritdoc />
    public IObservable<PipelineState> States => _states.AsObservable();

    /// <inheritdoc />
    public IObservable<PipelineEvent> Events => _events.AsObservable();

    /// <summary>Windows analysed so far.</summary>
    public long WindowCount => Interlocked.Read(ref _windowCount);

    private double AudioSeconds => Interlocked.Read(ref _audioSamples) / (double)IAudioSource.SampleRate;

    /// <inheritdoc />
    public void PauseListening()
    {
        lock (_pauseGate)
        {
            if (_paused)
            {
                return;
            }

            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _paused = true;
        }

        Publish(new ListeningToggled(AudioSeconds, Paused: true));
    }

    /// <inheritdoc />
    public void ResumeListening()
    {
        lock (_pauseGate)
        {
            if (!_paused)
            {
                return;
            }

            _resetWindow = true; // never analyse a window that spans the pause
            _paused = false;
            _resumed.TrySetResult();
        }

        Publish(new ListeningToggled(AudioSeconds, Paused: false));
    }

    /// <inheritdoc />
    public Task PauseMusicAsync(CancellationToken cancellationToken) =>
        PlayerCommandAsync(player => player.PauseAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>A mood decided while the music was paused starts now, instead of the old music resuming.</remarks>
    public Task ResumeMusicAsync(CancellationToken cancellationToken) =>
        PlayerCommandAsync(async player =>
        {
            if (Interlocked.Exchange(ref _deferred, null) is { } deferred)
            {
                await PlayNowAsync(player, deferred with { Time = DateTimeOffset.UnixEpoch.AddSeconds(AudioSeconds) }, cancellationToken).ConfigureAwait(false);
                return;
            }

            await player.ResumeAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken) =>
        PlayerCommandAsync(player => player.SkipAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Known moods are the mapping's (those with music, and those an emotion maps to: the latter report that they have
    /// no music, like a decision would). The listener's decisions are untouched: the mood decider still remembers the
    /// mood it last chose, so the voice takes over again only when it settles on a different mood, and not before the
    /// pick has played for the minimum dwell (<see cref="DebounceOptions.MinDwellSeconds"/>), which the pick restarts.
    /// </remarks>
    public async Task<MoodRequestResult> PlayMoodAsync(string mood, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mood);
        var map = _moods.Current;
        var name = mood.Trim().ToLowerInvariant();
        var known = KnownMoods(map);
        if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            var choices = known.Count == 0 ? "the mapping has no moods; add one with 'orpheus map'" : $"pick one of: {string.Join(", ", known)}";
            return new MoodRequestResult(MoodRequestStatus.UnknownMood, mood.Trim(), name.Length == 0
                ? $"No mood given; {choices}."
                : $"The mapping has no mood '{mood.Trim()}'; {choices}.");
        }

        if (_player is not { } player || Current.Status is PipelineStatus.Ended or PipelineStatus.Failed)
        {
            return new MoodRequestResult(MoodRequestStatus.NotRunning, name,
                $"Nothing is listening, so '{name}' cannot play now; start 'orpheus run' (or 'orpheus serve --listen') first.");
        }

        await _playerCommands.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _deferred = null; // the user's choice replaces a decision that waited for the music to resume
            var emotion = Current.Emotion;
            var request = new MoodDecision(DateTimeOffset.UnixEpoch.AddSeconds(AudioSeconds), emotion?.Label ?? "", name, emotion?.Confidence ?? 0);
            if (map.TargetsFor(name) is not null)
            {
                // Before the player is asked (which can take a while), so no decision made meanwhile replaces the pick;
                // one made before it and still queued is dropped (PlayAsync).
                _lastUserPick = request.Time;
                _userPicks.OnNext(request.Time);
            }

            var played = await PlayNowAsync(player, request, cancellationToken, byUser: true).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return played is { Target: { } target }
                ? new MoodRequestResult(MoodRequestStatus.Playing, name,
                    $"Playing {name} (your pick); your voice takes over when your mood changes.", target)
                : new MoodRequestResult(MoodRequestStatus.PlayerFailed, name, played?.Message ?? $"The {player.Name} player started nothing for {name}.");
        }
        finally
        {
            _playerCommands.Release();
        }
    }

    /// <inheritdoc />
    public void DismissWarning(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Publish(new WarningDismissed(AudioSeconds, id));
    }

    /// <inheritdoc />
    public void Report(string id, StatusSeverity severity, string message, string? resolves = null) =>
        Publish(new StatusEvent(AudioSeconds, id, severity, message, resolves));

    /// <summary>
    /// Marks the pipeline failed before it could run (the model, the input or the player could not be set up): the state
    /// shows <see cref="PipelineStatus.Failed"/> with <paramref name="message"/>. Does nothing once it has ended or failed.
    /// </summary>
    /// <param name="message">Why, in plain words.</param>
    /// <param name="id">The error's id: <see cref="WarningIds.InputFailed"/> when the input could not be opened, else
    /// <see cref="WarningIds.StartFailed"/>.</param>
    public void Fail(string message, string id = WarningIds.StartFailed)
    {
        if (Current.Status is PipelineStatus.Ended or PipelineStatus.Failed)
        {
            return;
        }

        Report(id, StatusSeverity.Error, message);
        Publish(new PipelineStopped(AudioSeconds, PipelineStatus.Failed, message));
    }

    /// <summary>
    /// Runs until the input ends (files) or <paramref name="cancellationToken"/> is cancelled. Pending playback
    /// commands are finished before it returns, so every decision has been reported. The end is in the state:
    /// <see cref="PipelineStatus.Ended"/>, or <see cref="PipelineStatus.Failed"/> with the error (and the exception is
    /// rethrown); cancellation leaves the status as it was.
    /// </summary>
    /// <param name="source">The input (owned by the caller).</param>
    /// <param name="analyzer">Speech gate + model, used by this run only.</param>
    /// <param name="player">Plays the decisions (owned by the caller).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="calibration">Personal calibration, run on every speech window's model output before the debouncer
    /// (its session already started from the listener's profile; the caller saves the profile after the run), or null.</param>
    /// <exception cref="AudioSourceException">The input failed.</exception>
    /// <exception cref="InvalidOperationException">The pipeline already ran.</exception>
    public async Task RunAsync(IAudioSource source, WindowAnalyzer analyzer, IPlayer player, CancellationToken cancellationToken, CalibrationRun? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(player);
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("A live pipeline runs once; create another one for another run.");
        }

        _player = player;
        _calibration = calibration;
        var windowSamples = analyzer.WindowSamples;
        var hopSamples = (int)Math.Round(_options.HopSeconds * IAudioSource.SampleRate);
        var windows = new Subject<WindowEvent>();
        var decisions = Channel.CreateUnbounded<MoodDecision>(new UnboundedChannelOptions { SingleReader = true });
        using var decisionSubscription = windows
            .Debounce(_debounce, _audioClock)
            .DecideMoodSteps(emotion => _moods.Current.MoodFor(emotion), _debounce, _audioClock, _userPicks)
            .Subscribe(
                step =>
                {
                    Publish(ToBelief(step));
                    if (step.Decision is { } decision)
                    {
                        decisions.Writer.TryWrite(decision);
                    }
                },
                e => decisions.Writer.TryComplete(e),
                () => decisions.Writer.TryComplete());
        var playing = Task.Run(() => PlayDecisionsAsync(decisions.Reader, cancellationToken), CancellationToken.None);

        Publish(new PipelineStarted(AudioSeconds, source.Description, source.IsLive, player.Name) { Calibration = calibration?.State() });
        Publish(new PlaybackChanged(AudioSeconds, PlaybackOf(player)));
        _logger.LogInformation("Listening on {Input} (window {Window} s, hop {Hop} s)",
            source.Description, windowSamples / (double)IAudioSource.SampleRate, _options.HopSeconds);
        try
        {
            await ReadAsync(source, analyzer, windows, hopSamples, cancellationToken).ConfigureAwait(false);
            windows.OnCompleted();
        }
        catch (Exception e)
        {
            windows.OnCompleted();
            await playing.ConfigureAwait(false);
            if (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Report(WarningIds.InputFailed, StatusSeverity.Error, e.Message);
                Publish(new PipelineStopped(AudioSeconds, PipelineStatus.Failed, e.Message));
            }

            throw;
        }

        await playing.ConfigureAwait(false);
        Publish(new PipelineStopped(AudioSeconds, PipelineStatus.Ended, null));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _userPicks.OnCompleted();
            _events.OnCompleted();
            _states.OnCompleted();
        }

        _events.Dispose();
        _states.Dispose();
        _playerCommands.Dispose();
    }

    private static TaskCompletionSource Resumed()
    {
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        resumed.SetResult();
        return resumed;
    }

    // The moods a user may pick, sorted: those with music and those an emotion maps to.
    private static List<string> KnownMoods(MoodMap map) =>
        [.. map.Moods.Keys.Concat(map.Emotions.Values).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    private static PlaybackState PlaybackOf(IPlayer player) => new(player.Name, player.Current?.Device, player.Current);

    private static double Seconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).TotalSeconds;

    private static BeliefChanged ToBelief(MoodStep step)
    {
        var state = step.State;
        var t = Seconds(state.Time);
        var emotion = state.Emotion is { } label ? new StableEmotion(label, state.Confidence, state.Since is { } since ? Seconds(since) : t) : null;
        return new BeliefChanged(t, emotion, state.Belief, step.Pending);
    }

    /// <summary>Reads the input hop by hop and analyses every window; a paused file is not read at all.</summary>
    private async Task ReadAsync(IAudioSource source, WindowAnalyzer analyzer, Subject<WindowEvent> windows, int hopSamples, CancellationToken cancellationToken)
    {
        var windowSamples = analyzer.WindowSamples;
        var rolling = new RollingWindow(windowSamples, hopSamples);
        var window = new float[windowSamples];
        var chunk = new float[hopSamples];
        var filled = 0;
        var produced = false;
        long read = 0; // every sample read, paused or not: audio time never goes backwards
        while (true)
        {
            if (_paused && !source.IsLive)
            {
                // A file waits for the user instead of running on unheard.
                Task resumed;
                lock (_pauseGate)
                {
                    resumed = _resumed.Task;
                }

                await resumed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            var n = await source.ReadAsync(chunk.AsMemory(filled), cancellationToken).ConfigureAwait(false);
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
                continue; // the hop during which listening was paused is not heard
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
                EmitWindow(analyzer, window, chunkStart + offset, AudioLevel.RmsDbfs(chunk), windows, Math.Min(1, hopSamples / (double)windowSamples));
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
            EmitWindow(analyzer, window, read, AudioLevel.RmsDbfs(clip), windows, weight: 1);
        }
    }

    // weight: the new speech the window adds, in windows (hop / window), for calibration.
    private void EmitWindow(WindowAnalyzer analyzer, float[] window, long totalSamples, float level, Subject<WindowEvent> windows, double weight)
    {
        var t = totalSamples / (double)IAudioSource.SampleRate;
        var result = analyzer.Analyze(window, t, level);
        if (_calibration is { } calibration && result.Speech)
        {
            result = calibration.Calibrate(result, window, analyzer.LastProbabilities, analyzer.Labels, weight);
        }

        Interlocked.Increment(ref _windowCount);
        Interlocked.Exchange(ref _audioSamples, totalSamples);
        Publish(result);
        RefreshPlayback();

        // Advance audio time first: the debouncer reads the clock, not the event.
        _audioClock.AdvanceTo(DateTimeOffset.UnixEpoch.AddSeconds(t));
        windows.OnNext(result);
    }

    /// <summary>
    /// Players move on by themselves (a track ends and the next starts, a skip lands a moment after the call returned):
    /// every window the state takes what the player says plays, so the dashboard and media keys show the track of now.
    /// </summary>
    private void RefreshPlayback()
    {
        if (_player is not { } player)
        {
            return;
        }

        var playback = PlaybackOf(player);
        if (playback != Volatile.Read(ref _state).Playback)
        {
            Publish(new PlaybackChanged(AudioSeconds, playback));
        }
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
            // The user must see this, not only the log: listening goes on, the music no longer follows.
            var cause = e is ChannelClosedException { InnerException: { } inner } ? inner : e;
            _logger.LogError(cause, "The decision stream failed");
            Report(WarningIds.DecisionsFailed, StatusSeverity.Error,
                $"Music decisions stopped: {cause.Message} Listening goes on, but the music no longer follows your mood; restart orpheus.");
        }
    }

    private async Task PlayAsync(MoodDecision decision, CancellationToken cancellationToken)
    {
        try
        {
            await _playerCommands.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (decision.Time <= _lastUserPick)
            {
                // Decided before the user picked music and queued behind the pick: the pick is the newer wish.
                _logger.LogInformation("Decision at {T:F1} s: {Emotion} → {Mood}, dropped: the user picked music after it",
                    Seconds(decision.Time), decision.Emotion, decision.Mood);
                return;
            }

            if (Current.Playback.Playing is { IsPaused: true })
            {
                // The user paused the music: no decision restarts it. The latest one plays when the music is resumed.
                _deferred = decision;
                _logger.LogInformation("Decision at {T:F1} s: {Emotion} → {Mood}, held while the music is paused",
                    Seconds(decision.Time), decision.Emotion, decision.Mood);
                return;
            }

            await PlayNowAsync(_player!, decision, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _playerCommands.Release();
        }
    }

    // Called with the player-command lock held. Returns the decision as published, or null when cancelled.
    private async Task<DecisionEvent?> PlayNowAsync(IPlayer player, MoodDecision decision, CancellationToken cancellationToken, bool byUser = false)
    {
        var t = Seconds(decision.Time);
        var map = _moods.Current;
        var targets = map.TargetsFor(decision.Mood);
        var listener = Current.Affect is { } affect ? new AffectPoint(affect.Valence, affect.Arousal) : (AffectPoint?)null;
        var aim = MoodAim.For(map.PolicyFor(decision.Mood), listener);
        PlaybackResult result;
        var failure = WarningIds.PlayerFailed;
        if (targets is null)
        {
            failure = WarningIds.MoodWithoutMusic;
            result = PlaybackResult.Failed($"Mood '{decision.Mood}' has no playlists; add one in the mapping editor.");
        }
        else
        {
            try
            {
                // At most one playback command per decision: retries are the player's business, bounded there.
                result = await player.PlayAsync(new PlayRequest(decision.Mood, targets.Targets, targets.Shuffle, aim), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Player {Player} failed for mood {Mood}", player.Name, decision.Mood);
                result = PlaybackResult.Failed($"{player.Name} player failed: {e.Message}");
            }
        }

        if (byUser)
        {
            _logger.LogInformation("At {T:F1} s the user chose {Mood} → {Target}", t, decision.Mood, result.Target ?? result.Message);
        }
        else
        {
            _logger.LogInformation("Decision at {T:F1} s: {Emotion} → {Mood} → {Target}", t, decision.Emotion, decision.Mood, result.Target ?? result.Message);
        }

        var published = new DecisionEvent(t, decision.Emotion, decision.Mood, decision.Confidence, result.Target, player.Name, result.Message) { ByUser = byUser };
        Publish(published);
        Publish(new PlaybackChanged(t, PlaybackOf(player)));
        if (!result.Started && result.Message is not null)
        {
            Report(failure, StatusSeverity.Warning, result.Message);
        }

        return published;
    }

    private async Task PlayerCommandAsync(Func<IPlayer, Task> command, CancellationToken cancellationToken)
    {
        if (_player is not { } player)
        {
            return; // nothing plays before the pipeline runs
        }

        await _playerCommands.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await command(player).ConfigureAwait(false);
        }
        finally
        {
            Publish(new PlaybackChanged(AudioSeconds, PlaybackOf(player)));
            _playerCommands.Release();
        }
    }

    private void Publish(PipelineEvent pipelineEvent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var next = PipelineStateReducer.Apply(_state, pipelineEvent);
            if (!ReferenceEquals(next, _state))
            {
                Volatile.Write(ref _state, next);
                _states.OnNext(next);
            }

            if (pipelineEvent is WindowEvent or DecisionEvent or StatusEvent)
            {
                _events.OnNext(pipelineEvent);
            }
        }
    }
}
