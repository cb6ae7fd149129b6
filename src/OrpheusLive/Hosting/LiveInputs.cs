using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>
/// Sets up what one pipeline run needs from the registered adapters: the window analyzer (model + speech gate), the
/// input (a file; the microphone kept alive through losses; the demo input when there is no microphone and the request
/// allows it) and the player, reporting every set-up problem to the pipeline by warning id.
/// </summary>
public sealed class LiveInputs(
    IAudioSourceFactory audio,
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetector,
    IPlayerFactory players,
    IMoodMapStore moods,
    IOptions<ListenOptions> listenOptions,
    ILogger<LiveInputs> logger)
{
    /// <summary>The start of the warning shown when the demo input replaces a missing microphone.</summary>
    public const string NoMicrophoneWarning = "No microphone — playing the demo input";

    /// <summary>How often a lost microphone is reopened.</summary>
    private static readonly TimeSpan MicrophoneRetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A microphone that delivers nothing for this long counts as lost. Virtual PulseAudio sources deliver in bursts
    /// of up to 2 s, so this is well above that.
    /// </summary>
    private static readonly TimeSpan MicrophoneStallTimeout = TimeSpan.FromSeconds(6);

    /// <summary>How long the microphone probe waits for the first audio before trusting a device that opened.</summary>
    private static readonly TimeSpan MicrophoneProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The clock of microphone retries and stalls (the system clock in the app).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Loads the model (once per process) and creates this run's speech gate + model path.</summary>
    /// <exception cref="ModelException">The model is missing or invalid.</exception>
    public WindowAnalyzer CreateAnalyzer() => new(classifier.Value, speechDetector(), listenOptions.Value.MinSpeechFraction);

    /// <summary>Opens the requested input; without a file and with <see cref="ListenRequest.DemoWhenNoMicrophone"/>, falls back to the demo input.</summary>
    /// <exception cref="AudioSourceException">The input cannot be opened (nor the demo input, when that is allowed).</exception>
    public async Task<IAudioSource> OpenAsync(ListenRequest request, LivePipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (request.InputFile is not null)
        {
            return audio.Open(request.InputFile, request.Fast, request.Device);
        }

        if (request.DemoWhenNoMicrophone && await ProbeMicrophoneAsync(request.Device, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return OpenDemo(problem, pipeline);
        }

        try
        {
            return new RecoveringAudioSource(
                () => audio.Open(null, fast: false, request.Device),
                (message, recovered) => pipeline.Report(
                    WarningIds.MicrophoneLost, recovered ? StatusSeverity.Info : StatusSeverity.Warning, message, recovered ? WarningIds.MicrophoneLost : null),
                MicrophoneRetryInterval,
                MicrophoneStallTimeout,
                Time);
        }
        catch (AudioSourceException e) when (request.DemoWhenNoMicrophone)
        {
            return OpenDemo(e.Message, pipeline);
        }
    }

    /// <summary>Creates the requested player; a fallback ("auto" chose another one, or it may not work) is reported.</summary>
    /// <exception cref="ArgumentException">Unknown player name.</exception>
    public IPlayer CreatePlayer(string name, LivePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var player = players.Create(name, out var warning);
        if (warning is not null)
        {
            pipeline.Report(WarningIds.PlayerFallback, StatusSeverity.Warning, warning);
        }

        return player;
    }

    /// <summary>Reports a user mapping that could not be used (the shipped one plays meanwhile).</summary>
    public void ReportMappingProblems(LivePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (moods is FileMoodMapStore { LoadWarning: { } problem })
        {
            pipeline.Report(WarningIds.MappingInvalid, StatusSeverity.Warning, problem);
        }
    }

    /// <summary>
    /// Microphones open lazily (PulseAudio connects on the first read), so a missing one shows only when read:
    /// reads once, briefly. Returns the problem in plain words, or null when the microphone works (or is just quiet).
    /// </summary>
    private async Task<string?> ProbeMicrophoneAsync(string? device, CancellationToken cancellationToken)
    {
        try
        {
            await using var source = audio.Open(null, fast: false, device);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(MicrophoneProbeTimeout);
            await source.ReadAsync(new float[IAudioSource.SampleRate / 10], timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (AudioSourceException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // Opened but silent so far (bursty virtual sources): let the pipeline use it.
        }
    }

    /// <summary>The demo input instead of the microphone, with the warning that says so.</summary>
    /// <exception cref="AudioSourceException">The demo input is missing too.</exception>
    private IAudioSource OpenDemo(string problem, LivePipeline pipeline)
    {
        // A fresh machine without a microphone must still show the whole pipeline working.
        var demo = Path.Combine(AppContext.BaseDirectory, "samples", "demo.wav");
        if (!File.Exists(demo))
        {
            throw new AudioSourceException($"{problem} The demo input {demo} is missing too; use --input FILE.wav.");
        }

        logger.LogWarning("No microphone ({Reason}); playing the demo input {Demo}", problem, demo);
        var firstSentence = problem.Split(". ", 2)[0].TrimEnd('.');
        pipeline.Report(WarningIds.MicrophoneMissing, StatusSeverity.Warning, $"{NoMicrophoneWarning}: {firstSentence}.");
        return audio.Open(demo, fast: false, device: null);
    }
}
