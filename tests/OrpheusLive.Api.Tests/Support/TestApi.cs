using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Api.Live;
using OrpheusLive.Commands;
using OrpheusLive.Storage;
using OrpheusLive.Core.Emotions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>
/// The API on real Kestrel at 127.0.0.1 on a free port (port 0), with a fake model and a mood store whose files live
/// in a temporary directory (ORPHEUS_CONFIG_DIR points there too, so the user's real config is never touched).
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    /// <summary>
    /// A safety net, not a measure: requests finish as soon as the app answers. Generous because on a loaded 2-core
    /// machine four concurrent real-model scorings of the 59 s demo took over a minute.
    /// </summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    public const string DefaultMapping = """
        {
          "emotions": { "neutral": "chill", "calm": "chill", "happy": "upbeat", "sad": "comforting", "angry": "energetic" },
          "moods": {
            "chill": { "targets": ["spotify:playlist:37i9dQZF1DX4WYpdgoIcn6"], "shuffle": true },
            "upbeat": { "targets": ["spotify:playlist:37i9dQZF1DXdPec7aLTmlC"], "shuffle": true },
            "comforting": { "targets": ["spotify:playlist:37i9dQZF1DX3YSRoSdA634"], "shuffle": false },
            "energetic": { "targets": ["spotify:playlist:37i9dQZF1DX76Wlfdnj7AP"], "shuffle": true }
          }
        }
        """;

    static TestApi()
    {
        var root = Path.Combine(Path.GetTempPath(), $"orpheus-api-tests-{Environment.ProcessId}");
        System.IO.Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable(UserPaths.ConfigDirVariable, root);
    }

    private TestApi(WebApplication app, FileMoodMapStore store, string directory, LiveFeed feed, ListLoggerProvider logs)
    {
        App = app;
        Store = store;
        Directory = directory;
        Feed = feed;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.First());
        Client = CreateClient();
    }

    public WebApplication App { get; }

    public FileMoodMapStore Store { get; }

    public string Directory { get; }

    public LiveFeed Feed { get; }

    public ListLoggerProvider Logs { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public static async Task<TestApi> StartAsync(
        IEmotionClassifier? classifier = null,
        Action<ApiOptions>? configure = null,
        Func<FileMoodMapStore, IPipelineControl>? pipeline = null,
        Func<ISpeechDetector>? speechDetectors = null,
        Lazy<Library.MusicLibrary>? library = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"orpheus-api-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var defaultFile = Path.Combine(directory, "default-moods.json");
        await File.WriteAllTextAsync(defaultFile, DefaultMapping);
        var store = new FileMoodMapStore(
            new MoodMapOptions { DefaultFile = defaultFile, UserFile = Path.Combine(directory, "moods.json") },
            RealTargets.Rules,
            NullLogger<FileMoodMapStore>.Instance,
            watch: false);

        var options = new ApiOptions { Urls = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        var feed = new LiveFeed();
        if (pipeline is not null)
        {
            feed.Attach(pipeline(store));
        }

        var logs = new ListLoggerProvider();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var dependencies = new OrpheusApiDependencies(
            new Audio.Decoding.AudioDecoder([new Audio.Decoding.Formats.WavAudioFormat()]),
            classifier ?? new ToneClassifier(),
            speechDetectors,
            store,
            new ListenOptions(),
            feed,
            PipelineEventJson.Write,
            loggers,
            library);
        var app = OrpheusApiServer.Create(options, dependencies);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestApi(app, store, directory, feed, logs);
    }

    public HttpClient CreateClient(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = RequestTimeout };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
        Feed.Dispose();
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
