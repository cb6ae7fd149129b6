using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Playback;
using OrpheusLive.Spotify.Setup;
using OrpheusLive.Spotify.Tests.Fakes;

namespace OrpheusLive.Spotify.Tests.Infrastructure;

/// <summary>
/// The production DI registration (<c>AddSpotify</c>) with the base URLs pointed at the fake, a private token file,
/// short retry delays and a capturing logger.
/// </summary>
public sealed class SpotifyTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SpotifyTestHost(FakeSpotifyServer fake, ServiceProvider services, string directory, CapturingLoggerProvider logs, ScriptedBrowser browser)
    {
        Fake = fake;
        _services = services;
        Directory = directory;
        Logs = logs;
        Browser = browser;
    }

    public FakeSpotifyServer Fake { get; }

    public string Directory { get; }

    public string TokenFile => Path.Combine(Directory, "spotify-token.json");

    public CapturingLoggerProvider Logs { get; }

    public ScriptedBrowser Browser { get; }

    public IServiceProvider Services => _services;

    public SpotifyClient Client => _services.GetRequiredService<SpotifyClient>();

    public SpotifyTokenStore Store => _services.GetRequiredService<SpotifyTokenStore>();

    public SpotifyLogin Login => _services.GetRequiredService<SpotifyLogin>();

    public InMemoryMoodMapStore Moods => (InMemoryMoodMapStore)_services.GetRequiredService<IMoodMapStore>();

    public MoodPlaylistSetup PlaylistSetup => _services.GetRequiredService<MoodPlaylistSetup>();

    public IPlayerProvider Provider => _services.GetServices<IPlayerProvider>().Single(p => p.Name == "spotify");

    public static async Task<SpotifyTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, ScriptedBrowser? browser = null, bool withClientId = true, TimeProvider? time = null)
    {
        var fake = await FakeSpotifyServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "orpheus-spotify-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["Spotify:ApiBaseUrl"] = fake.ApiBaseUri.ToString(),
            ["Spotify:AccountsBaseUrl"] = fake.BaseUri.ToString(),
            ["Spotify:TokenFile"] = Path.Combine(directory, "spotify-token.json"),
            ["Spotify:RedirectPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Spotify:LoginTimeout"] = "00:00:15",
            ["Spotify:Resilience:BaseDelay"] = "00:00:00.020",
            ["Spotify:Resilience:AttemptTimeout"] = "00:00:05",
        };
        if (withClientId)
        {
            values["Spotify:ClientId"] = FakeSpotifyServer.TestClientId;
        }

        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        browser ??= new ScriptedBrowser();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time); // AddSpotify only adds the system clock when none is registered
        }

        services.AddSpotify();
        services.AddSingleton<IBrowserLauncher>(browser);
        services.AddSingleton<IMoodMapStore>(new InMemoryMoodMapStore());
        return new SpotifyTestHost(fake, services.BuildServiceProvider(validateScopes: true), directory, logs, browser);
    }

    /// <summary>Saves a login the fake knows, expiring at <paramref name="expiresAt"/> (default: in an hour).</summary>
    public async Task<SpotifyToken> LogInDirectlyAsync(DateTimeOffset? expiresAt = null)
    {
        var (access, refresh) = Fake.IssueTokens();
        var token = new SpotifyToken { AccessToken = access, RefreshToken = refresh, ExpiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddHours(1), Scope = "user-read-playback-state" };
        await Store.SaveAsync(token, CancellationToken.None);
        return token;
    }

    public IPlayer CreatePlayer() => Provider.Create();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
