using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>Wires a <see cref="ListenSession"/> from the registered adapters (audio, model, speech gate, player).</summary>
public sealed class LiveSessionFactory(
    IAudioSourceFactory audio,
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IMoodMapStore moods,
    IPlayerFactory players,
    IOptions<ListenOptions> listenOptions,
    IOptions<DebounceOptions> debounceOptions,
    ILoggerFactory loggers)
{
    /// <summary>How often a lost microphone is reopened.</summary>
    private static readonly TimeSpan MicrophoneRetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A microphone that delivers nothing for this long counts as lost. Virtual PulseAudio sources deliver in bursts
    /// of up to 2 s, so this is well above that.
    /// </summary>
    private static readonly TimeSpan MicrophoneStallTimeout = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Loads the model, opens the input and creates the player.
    /// </summary>
    /// <exception cref="ModelException">The model is missing or invalid.</exception>
    /// <exception cref="AudioSourceException">The input cannot be opened.</exception>
    public LiveSession Create(ListenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var warnings = new List<string>();
        var model = classifier.Value;
        var analyzer = new WindowAnalyzer(model, speechDetector(), listenOptions.Value.MinSpeechFraction);
        ListenSession? pipeline = null;
        var source = request.InputFile is not null
            ? audio.Open(request.InputFile, request.Fast, request.Device)
            : new RecoveringAudioSource(
                () => audio.Open(null, fast: false, request.Device),
                (message, resolves) => pipeline?.Report(resolves is null ? StatusSeverity.Warning : StatusSeverity.Info, message, resolves),
                MicrophoneRetryInterval,
                MicrophoneStallTimeout);
        IPlayer player;
        try
        {
            player = players.Create(request.Player, out var playerWarning);
            if (playerWarning is not null)
            {
                warnings.Add(playerWarning);
            }
        }
        catch
        {
            source.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        if (moods is FileMoodMapStore { LoadWarning: { } moodWarning })
        {
            warnings.Add(moodWarning);
        }

        pipeline = new ListenSession(source, analyzer, moods, player, listenOptions.Value, debounceOptions.Value,
            loggers.CreateLogger<ListenSession>());
        return new LiveSession(pipeline, source, player, warnings);
    }
}
