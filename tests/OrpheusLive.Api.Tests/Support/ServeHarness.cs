using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrpheusLive.Cli;
using OrpheusLive.Commands.Api;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Hosting;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>
/// Runs the real <c>orpheus serve</c> command in a Generic Host built from the app's own registrations (pipeline, the
/// hosted live pipeline, players, the music library, AddApiCommands), with a test model, WAV-only audio and every file in a temporary directory.
/// </summary>
internal sealed class ServeHarness : IAsyncDisposable
{
    /// <summary>
    /// A safety net, not a measure: requests finish as soon as the app answers. Generous because on a loaded 2-core
    /// machine four concurrent real-model scorings of the 59 s demo took over a minute.
    /// </summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    private readonly IHost _host;
    private readonly CancellationTokenSource _stop = new();

    private ServeHarness(IHost host, string directory, int port, ListLoggerProvider logs)
    {
        _host = host;
        Directory = directory;
        Port = port;
        Logs = logs;
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public Task<int>? Run { get; private set; }

    public ListLoggerProvider Logs { get; }

    public static ServeHarness Create(IDictionary<string, string?>? settings = null, IEmotionClassifier? classifier = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"orpheus-serve-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var defaultFile = Path.Combine(directory, "default-moods.json");
        File.WriteAllText(defaultFile, TestApi.DefaultMapping);
        var port = FreePort.Next();
        var values = new Dictionary<string, string?>
        {
            ["Api:Urls"] = $"http://127.0.0.1:{port}",
            ["Moods:DefaultFile"] = defaultFile,
            ["Moods:UserFile"] = Path.Combine(directory, "moods.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "orpheus-test" });
        builder.Configuration.AddInMemoryCollection(values);
        var services = builder.Services;
        var logs = new ListLoggerProvider();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddPipeline();
        services.AddLivePipeline();
        services.AddPlayers();
        services.AddSingleton<IAudioSourceFactory, FileSourceFactory>();
        services.AddSingleton<Audio.Decoding.IAudioDecoder>(new Audio.Decoding.AudioDecoder([new Audio.Decoding.Formats.WavAudioFormat()]));
        services.AddSingleton<Core.Playback.ITargetValidator, Spotify.Playback.SpotifyTargetValidator>();
        services.AddSingleton<Core.Playback.ITargetValidator>(new Audio.Playback.LocalTargetValidator(new()));
        var model = classifier ?? new ToneClassifier();
        services.AddSingleton(new Lazy<IEmotionClassifier>(() => model));
        services.AddSingleton<Func<ISpeechDetector>>(() => new AlwaysSpeech());
        services.AddMusicLibrary();
        services.AddApiCommands();
        return new ServeHarness(builder.Build(), directory, port, logs);
    }

    public ServeCommand Command => _host.Services.GetServices<CliCommand>().OfType<ServeCommand>().Single();

    /// <summary>Starts the host (the idle live pipeline service), then `serve ARGS` in the background; waits until /health answers.</summary>
    public async Task StartAsync(params string[] args)
    {
        await _host.StartAsync(TestContext.Current.CancellationToken);
        var command = Command;
        Run = Task.Run(() => command.RunAsync(command.Parse(args), _stop.Token));
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Run.IsCompleted)
            {
                await Run; // surfaces the command's exception
                throw new InvalidOperationException("serve exited before it answered /health");
            }

            try
            {
                using var response = await probe.GetAsync("/health", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = RequestTimeout };

    /// <summary>Ctrl+C: cancels the command and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return Run is null ? 0 : await Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (Run is { IsCompleted: false })
        {
            await StopAsync();
        }

        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await _host.StopAsync(stopTimeout.Token);
        }

        _host.Dispose();
        _stop.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
