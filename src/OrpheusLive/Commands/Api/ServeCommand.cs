using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Api;
using OrpheusLive.Api.Live;
using OrpheusLive.Audio;
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
    IOptions<AudioOptions> audioOptions,
    IConfiguration configuration,
    ILoggerFactory loggers,
    Lazy<OrpheusLive.Library.MusicLibrary> library) : CliCommand("serve", "Serve the HTTP API (score clips, edit moods, live state and events) on 127.0.0.1:5170")
{
    private readonly ILogger _logger = loggers.CreateLogger<ServeCommand>();

    private readonly Option<string> _urls = new("--urls")
    {
        Description = "where to listen (';'-separated; default Api:Urls). Binding beyond loopback requires Api:Key.",
        HelpName = "URLS",
    };

    private readonly Option<bool> _listenFlag = new("--listen") { Description = "also run the live pipeline, so /api/state and /api/events carry live data" };

    private readonly ListenArguments _listen = new(players, "with --listen: who plays the music (default: console)");

    /// <inheritdoc />
    public override string Details => """
        --input, --fast, --player, --device and --profile go with --listen. Without a microphone, --listen warns once and the API
        keeps serving (/api/state then says why).
        Endpoints: POST /api/emotion, GET /api/emotions, GET /api/moods, PUT /api/moods/{emotion}, GET /api/state,
        GET /api/events (Server-Sent Events), GET /api/tracks[?mood=M], GET /api/tracks/{id}, GET /api/library/map.png|.svg,
        GET /health, GET /openapi.json.
        With Api:Key set (e.g. environment variable Api__Key), /api/* needs 'Authorization: Bearer KEY'.
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_urls, _listenFlag, .. _listen.All];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var listen = args.GetValue(_listenFlag);
        if (!listen && _listen.AnyGiven(args))
        {
            throw new CommandLineException("--input, --fast, --player, --device and --profile go with --listen");
        }

        var options = apiOptions.Value.WithUrls(args.GetValue(_urls));
        if (options.Validate() is { } problem)
        {
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions), [problem]);
        }

        // Load the model before opening the port: a missing or broken model fails here with its own message.
        var model = classifier.Value;
        var request = listen ? _listen.ToRequest(args, configuration, defaultPlayer: "console") : null;
        using var feed = new LiveFeed();
        if (request is not null)
        {
            feed.Attach(pipeline); // before the pipeline runs, so the feed holds its first events
        }

        var dependencies = new OrpheusApiDependencies(decoder, model, speechDetectors, moods, listenOptions.Value, feed, PipelineEventJson.Write, loggers, library, audioOptions.Value.NoiseSuppressionDb);
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
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            var ports = string.Join(", ", options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) : u));
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions),
                [$"port {ports} is already in use ({options.Urls}); stop the other program or pick another address with --urls or {ApiOptions.SectionName}:Urls."]);
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
