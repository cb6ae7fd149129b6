using Microsoft.Extensions.Logging;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// Plays one mood's playlist on a dedicated thread until stopped: decode → convert to the output format → fade → write.
/// Pause, skip and stop fade out first (the loop keeps writing while the gain ramps down), then act.
/// </summary>
internal sealed class PlaybackSession
{
    /// <summary>Frames converted and written per step (also the echo tap's step).</summary>
    internal const int BlockFrames = 1024;
    // From the music library the playlist has no end: give up after this many unplayable picks in a row.
    private const int MaxLibraryFailuresInARow = 20;
    private readonly IAudioOutput _output;
    private readonly ExternalDecoders _decoders;
    private readonly LocalPlayerOptions _options;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly List<string> _files;
    private readonly bool _shuffle;
    private readonly Action<PlaybackSession> _changed;
    private readonly Func<string?>? _next;
    private readonly ManualResetEventSlim _wake = new(initialState: true);
    private readonly float _fadeStep;
    private readonly PlaybackEchoTap? _echoTap;
    private volatile bool _paused;
    private volatile bool _stopping;
    private volatile bool _ended;
    private volatile bool _parked;
    private volatile string? _title;
    private int _skipRequests;
    private Task? _task;

    public PlaybackSession(string mood, string target, IReadOnlyList<string> files, bool shuffle, IAudioOutput output,
        ExternalDecoders decoders, LocalPlayerOptions options, ILogger logger, Random random, Action<PlaybackSession> changed,
        Func<string?>? next = null, PlaybackEchoTap? echoTap = null)
    {
        _next = next;
        Mood = mood;
        Target = target;
        _files = [.. files];
        _shuffle = shuffle;
        _output = output;
        _decoders = decoders;
        _options = options;
        _logger = logger;
        _random = random;
        _changed = changed;
        var fadeFrames = options.FadeMilliseconds * output.SampleRate / 1000;
        _fadeStep = fadeFrames <= 0 ? 1f : 1f / fadeFrames;
        _echoTap = echoTap;
        if (_shuffle && next is null) Shuffle(_files);
        // Known before the thread starts, so Current names the track as soon as PlayAsync returns.
        _title = _files.Count > 0 ? Path.GetFileName(_files[0]) : null;
    }

    public string Mood { get; }

    public string Target { get; }

    public string? Title => _title;

    public bool IsPaused => _paused;

    /// <summary>True while paused after the fade-out: the playback thread waits and writes nothing until resumed.</summary>
    public bool IsParked => _parked;

    public bool IsRunning => _task is { IsCompleted: false } && !_stopping;

    /// <summary>True when the output failed; the player must reopen it.</summary>
    public bool OutputFailed { get; private set; }

    /// <summary>True once the playback thread has finished.</summary>
    public bool HasEnded => _ended;

    public Task Completion => _task ?? Task.CompletedTask;

    /// <summary>Tracks started so far (tests and diagnostics).</summary>
    public int TracksStarted { get; private set; }

    public void Start() =>
        _task = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public void Pause()
    {
        _paused = true;
        _changed(this);
    }

    public void Resume()
    {
        _paused = false;
        _wake.Set();
        _changed(this);
    }

    public void Skip()
    {
        Interlocked.Increment(ref _skipRequests);
        _wake.Set();
    }

    public void Stop()
    {
        _stopping = true;
        _wake.Set();
    }

    private void Run()
    {
        var index = 0;
        var failuresInARow = 0;
        var fadeIn = true;
        try
        {
            while (!_stopping)
            {
                if (index >= _files.Count && _next is not null)
                {
                    // From the music library: the next pick when the track before ends (null: none left to play).
                    if (_next() is not { } picked) break;
                    _files.Add(picked);
                }
                else if (index >= _files.Count)
                {
                    if (!_options.Repeat) break;
                    index = 0;
                    if (_shuffle) Shuffle(_files);
                }
                var file = _files[index++];
                if (TryPlay(file, ref fadeIn))
                {
                    failuresInARow = 0;
                    continue;
                }
                // Counting empty and broken files keeps a folder of them from spinning this loop for ever.
                if (++failuresInARow >= (_next is null ? _files.Count : MaxLibraryFailuresInARow))
                {
                    _logger.LogError("None of the {Count} file(s) for mood {Mood} could be played", _files.Count, Mood);
                    break;
                }
            }
        }
        catch (AudioOutputException e)
        {
            OutputFailed = true;
            _logger.LogError("Music playback stopped: {Reason}", e.Message);
        }
        finally
        {
            _stopping = true;
            _ended = true;
            _changed(this);
        }
    }

    // Plays one file; false when it could not be opened, failed while decoding, or held no audio.
    private bool TryPlay(string file, ref bool fadeIn)
    {
        IAudioTrack track;
        try
        {
            track = OpenTrack(file);
        }
        catch (Exception e) when (IsTrackFailure(e))
        {
            _logger.LogWarning("Cannot play {File}: {Reason}", file, e.Message);
            return false;
        }

        using (track)
        {
            _title = Path.GetFileName(file);
            TracksStarted++;
            _changed(this);
            _logger.LogInformation("Playing {Title} for mood {Mood}", _title, Mood);
            long framesRead = 0;
            var leftEarly = false;
            try
            {
                leftEarly = PlayTrack(track, fadeIn, ref framesRead);
                fadeIn = leftEarly;
            }
            catch (Exception e) when (IsTrackFailure(e))
            {
                _logger.LogWarning("Playing {File} failed: {Reason}", file, e.Message);
                fadeIn = true;
            }
            return framesRead > 0 || leftEarly;
        }
    }

    private static bool IsTrackFailure(Exception e) =>
        e is WavFormatException or IOException or UnauthorizedAccessException or NotSupportedException
            or InvalidOperationException or System.ComponentModel.Win32Exception;

    // Returns whether the next track should fade in (this one was left early by a skip or stop).
    private bool PlayTrack(IAudioTrack track, bool fadeIn, ref long framesRead)
    {
        var converter = new PlaybackConverter(track.SampleRate, track.Channels, _output.SampleRate, _output.Channels, BlockFrames);
        var input = new float[BlockFrames * track.Channels];
        var output = new float[converter.MaxOutputSamples];
        var skipsAtStart = Volatile.Read(ref _skipRequests);
        var gain = fadeIn ? 0f : 1f;
        var volume = (float)_options.Volume;

        while (true)
        {
            var leaving = _stopping || Volatile.Read(ref _skipRequests) != skipsAtStart;
            if (leaving && gain <= 0f) return true;
            if (_paused && !leaving && gain <= 0f)
            {
                _wake.Reset();
                // Re-check after the reset so a Resume/Skip/Stop that raced with it is not lost.
                if (_paused && !_stopping && Volatile.Read(ref _skipRequests) == skipsAtStart)
                {
                    _parked = true;
                    _wake.Wait();
                    _parked = false;
                }

                continue;
            }

            var frames = track.Read(input);
            framesRead += frames;
            var produced = frames > 0 ? converter.Process(input.AsSpan(0, frames * track.Channels), output) : converter.Flush(output);
            var target = leaving || _paused ? 0f : 1f;
            gain = ApplyGain(output.AsSpan(0, produced), _output.Channels, gain, target, volume);
            if (produced > 0)
            {
                _echoTap?.Played(output.AsSpan(0, produced)); // what the microphone will hear, for the echo canceller
                _output.Write(output.AsSpan(0, produced));
            }
            if (frames == 0) return false;
        }
    }

    // Ramps the gain linearly toward the target, one step per frame, so changes never click.
    private float ApplyGain(Span<float> interleaved, int channels, float gain, float target, float volume)
    {
        for (var i = 0; i < interleaved.Length; i += channels)
        {
            if (gain < target) gain = Math.Min(target, gain + _fadeStep);
            else if (gain > target) gain = Math.Max(target, gain - _fadeStep);
            var g = gain * volume;
            for (var c = 0; c < channels; c++) interleaved[i + c] *= g;
        }
        return gain;
    }

    private IAudioTrack OpenTrack(string file)
    {
        var ext = Path.GetExtension(file);
        if (ext.Equals(".wav", StringComparison.OrdinalIgnoreCase) || ext.Equals(".wave", StringComparison.OrdinalIgnoreCase))
            return new WavTrack(WavReader.Open(file, new WavReadOptions { AllowTruncated = true }));
        return _decoders.Open(file, _output.SampleRate, _output.Channels, BlockFrames);
    }

    private void Shuffle(List<string> files)
    {
        for (var i = files.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (files[i], files[j]) = (files[j], files[i]);
        }
    }
}
