using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Api;
using OrpheusLive.Api.Live;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Cli;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;

namespace OrpheusLive.Commands.Api;

/// <summary>
/// <c>orpheus serve</c>: the HTTP API (clip scoring, mood mapping, live state and events) on loopback by default,
/// optionally while the hosted pipeline listens (<c>--listen</c>) so the live endpoints carry its state and events. Shares
/// the app's model, decoder, mood store and pipeline; runs until Ctrl+C / SIGTERM, also when listening ends or fails
/// (the state then says so).
/// </summary>
public sealed class ServeCommand(
    PipelineRunner runner,
    IPipelineControl pipeline,
    IPlayerFactory players,
    IAudioDecoder decoder,
    Lazy<IEmotionClassifier> classifier,
    Func<ISpeechDetector> speechDetectors,
    IMoodMapStore moods,
    IOptions<ApiOptions> apiOptions,
    IOptions<ListenOptions> listenOptions,
    IConfiguration configuration,
    ILoggerFactory loggers) : ICliCommand
{
    private readonly ILogger _logger = loggers.CreateLogger<ServeCommand>();

    /// <inheritdoc />
    public string Name => "serve";

    /// <inheritdoc />
    public string Summary => "Serve the HTTP API (score WAV clips, edit moods, live state and events) on 127.0.0.1:5170";

    /// <inheritdoc />
    public string Usage => """
        usage: orpheus serve [--urls http://127.0.0.1:5170] [--listen [--input FILE.wav] [--fast] [--player NAME] [--device NAME] [--profile NAME]]

          --urls URLS    where to listen (';'-separated; default Api:Urls). Binding beyond loopback requires Api:Key.
          --listen       also run the live pipeline, so /api/state and /api/events carry live data
          --input FILE   with --listen: analyse a WAV file instead of the microphone
          --fast         with --listen --input: read the file as fast as possible
          --player NAME  with --listen: who plays the music (default: console)
          --device NAME  with --listen: microphone (PulseAudio source name)
          --profile NAME calibration profile to adapt and save (default: default; see orpheus calibrate)

        Endpoints: POST /api/emotion, GET /api/emotions, GET /api/moods, PUT /api/moods/{emotion}, GET /api/state,
        GET /api/events (Server-Sent Events), GET /health, GET /openapi.json.
        With Api:Key set (e.g. environment variable Api__Key), /api/* needs 'Authorization: Bearer KEY'.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "listen", "fast", "help" };

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknown("urls", "listen", "input", "fast", "player", "device", "profile", "help");
        var listen = args.Has("listen");
        if (!listen && (args.Has("input") || args.Has("fast") || args.Has("player") || args.Has("device")))
        {
            throw new CommandLineException("--input, --fast, --player and --device go with --listen");
        }

        var options = apiOptions.Value.WithUrls(args.Value("urls"));
        if (options.Validate() is { } problem)
        {
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions), [problem]);
        }

        // Load the model before opening the port: a missing or broken model fails here with its own message.
        var model = classifier.Value;
        var request = listen ? ListenRequest.From(args, configuration, defaultPlayer: "console", players.Names) : null;
        using var feed = new LiveFeed();
        if (request is not null)
        {
            feed.Attach(pipeline); // before the pipeline runs, so the feed holds its first events
        }

        var dependencies = new OrpheusApiDependencies(decoder, model, speechDetectors, moods, listenOptions.Value, feed, PipelineEventJson.Write, loggers);
        var app = OrpheusApiServer.Create(options, dependencies);
        await using (app.ConfigureAwait(false))
        {
            await StartAsync(app, options, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("OrpheusLive API on {Urls} (API key {KeyState}; model {Model} {Version}{Listening})",
                string.Join(", ", app.Urls), options.RequiresKey ? "required" : "not required", model.Info.Name, model.Info.Version,
                request is null ? "" : "; listening");

            var listening = request is null ? Task.CompletedTask : ListenAsync(request, cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C / SIGTERM: stop below.
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            await listening.ConfigureAwait(false);
        }

        return 0;
    }

    // A busy or forbidden port is a setting to change, so it is reported like one (one line, exit code 1).
    private static async Task StartAsync(WebApplication app, ApiOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions),
                [$"cannot listen on {options.Urls}: {e.Message} Pick another address with --urls or {ApiOptions.SectionName}:Urls."]);
        }
    }

    // The API stays up when the input ends or fails: /api/state then shows status ended or failed, with the error.
    private async Task ListenAsync(ListenRequest request, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } error)
        {
            _logger.LogWarning("Live listening stopped: {Message}; the API keeps serving", error.Message);
        }
        else if (outcome.Kind == PipelineOutcomeKind.Ended)
        {
            _logger.LogInformation("The input ended; the API keeps serving");
        }
    }
}
