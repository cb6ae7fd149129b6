using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Audio.Playback;

/// <summary>
/// The built-in player ("local"): plays the audio files of a mood's local folder (or a single file) one after another
/// through an <see cref="IAudioOutput"/> (PulseAudio by default), with short fades on start, stop, pause and skip.
/// Spotify and other URIs among the targets are skipped. Asking again for the mood already playing changes nothing.
/// <c>library:&lt;mood&gt;</c> targets (and, by default, moods without local music) play the music library's tracks of the
/// mood, one pick after another (<see cref="IMoodTracks"/>); the result's target is the first track.
/// </summary>
/// <remarks>
/// WAV files are decoded in-process; mp3/ogg/flac/opus only when ffmpeg (or sox/opusdec for the formats they know)
/// is on PATH, otherwise they are skipped with one logged warning per folder. The output is opened on the first
/// <see cref="PlayAsync"/> and kept; if it fails it is reopened by the next one.
/// </remarks>
public sealed class LocalPlayer : IPlayer
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly LocalPlayerOptions _options;
    private readonly IAudioOutputFactory _outputs;
    private readonly ILogger _logger;
    private readonly ExternalDecoders _decoders;
    private readonly MusicFolderScanner _scanner;
    private readonly Random _random;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IAudioOutput? _output;
    // One tap per opened output, shared by its sessions: a new track's first block is queued behind the previous
    // track's tail, so its samples are dated after that tail's, not at the clock when it is written.
    private PlaybackEchoTap? _echoTap;
    private PlaybackSession? _session;
    private volatile NowPlaying? _current;
    private bool _disposed;

    /// <summary>Creates the player; nothing is opened until the first <see cref="PlayAsync"/>.</summary>
    /// <param name="options">Fade, volume, music root.</param>
    /// <param name="outputFactory">Opens the audio output (e.g. <see cref="PulseAudioOutputFactory"/>).</param>
    /// <param name="logger">Where skipped files and playback errors are reported.</param>
    /// <param name="library">The music library's tracks by mood (<c>library:&lt;mood&gt;</c> targets, and moods without local music); none when null.</param>
    public LocalPlayer(LocalPlayerOptions options, IAudioOutputFactory outputFactory, ILogger<LocalPlayer>? logger = null, IMoodTracks? library = null)
        : this(options, outputFactory, logger, ExternalDecoders.Detect(), Random.Shared, library)
    {
    }

    internal LocalPlayer(LocalPlayerOptions options, IAudioOutputFactory outputFactory, ILogger? logger, ExternalDecoders decoders, Random random,
        IMoodTracks? library = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputFactory);
        options.Validate();
        _options = options;
        _outputs = outputFactory;
        _logger = logger ?? NullLogger.Instance;
        _decoders = decoders;
        _random = random;
        _scanner = new MusicFolderScanner(options.MusicRoot, decoders, _logger, library);
    }

    /// <summary>
    /// Where every sample played is also recorded, time-stamped, for the echo canceller of the capture path (null: not
    /// recorded).
    /// </summary>
    public EchoReference? EchoReference { get; init; }

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public NowPlaying? Current => _current;

    /// <summary>Tracks started in the current session (diagnostics and tests).</summary>
    internal int TracksStartedInSession => _session?.TracksStarted ?? 0;

    /// <summary>True while the music is paused and its playback thread has faded out and waits (it writes nothing).</summary>
    internal bool IsParked => _session?.IsParked ?? false;

    /// <inheritdoc />
    public async Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { IsRunning: true } running && string.Equals(running.Mood, request.Mood, StringComparison.OrdinalIgnoreCase))
                return PlaybackResult.Ok(running.Target, alreadyPlaying: true);

            var selection = _scanner.Select(request.Mood, request.Targets, request.Aim);
            if (selection.Error is { } error) return PlaybackResult.Failed(error);

            await StopSessionAsync().ConfigureAwait(false);
            IAudioOutput output;
            try
            {
                if (_output is null)
                {
                    _output = _outputs.Open();
                    _echoTap = EchoReference is null ? null
                        : new PlaybackEchoTap(EchoReference, _output.SampleRate, _output.Channels, PlaybackSession.BlockFrames);
                }

                output = _output;
            }
            catch (AudioOutputException e)
            {
                return PlaybackResult.Failed($"No audio output for the built-in player: {e.Message}");
            }

            var session = new PlaybackSession(request.Mood, selection.Target!, selection.Files, request.Shuffle, output,
                _decoders, _options, _logger, _random, OnSessionChanged, selection.Next, _echoTap);
            _session = session;
            Publish(session);
            session.Start();
            return PlaybackResult.Ok(selection.Target!);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task PauseAsync(CancellationToken cancellationToken)
    {
        _session?.Pause();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ResumeAsync(CancellationToken cancellationToken)
    {
        _session?.Resume();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task SkipAsync(CancellationToken cancellationToken)
    {
        _session?.Skip();
        return Task.CompletedTask;
    }

    /// <summary>Stops the music (fading out) and leaves the output open for the next <see cref="PlayAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopSessionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await StopSessionAsync().ConfigureAwait(false);
            _output?.Dispose();
            _output = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StopSessionAsync()
    {
        var session = _session;
        if (session is null) return;
        session.Stop();
        try
        {
            await session.Completion.WaitAsync(StopTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A hung device: abandon this output rather than share it with the next session.
            _logger.LogWarning("The music output did not stop within {Timeout}; reopening it", StopTimeout);
            _output = null;
        }
        if (session.OutputFailed) DropOutput();
        _session = null;
        _current = null;
    }

    private void OnSessionChanged(PlaybackSession session)
    {
        if (!ReferenceEquals(session, _session)) return;
        Publish(session);
        if (session.OutputFailed) _current = null;
    }

    private void Publish(PlaybackSession session)
    {
        if (session.HasEnded)
        {
            _current = null;
            return;
        }
        _current = new NowPlaying(session.Mood, session.Target, session.Title, _output?.Description, session.IsPaused);
    }

    private void DropOutput()
    {
        try
        {
            _output?.Dispose();
        }
        catch (Exception e) when (e is AudioOutputException or ObjectDisposedException)
        {
            // already broken
        }
        _output = null;
    }
}
