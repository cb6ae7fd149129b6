using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Playback;

namespace OrpheusLive.Spotify.Tests;

public sealed class OptionsAndFormattingTests
{
    [Fact]
    public void Defaults_point_at_the_real_Spotify_with_a_loopback_redirect()
    {
        var options = Resolve([]);

        options.ApiBaseUrl.ShouldBe("https://api.spotify.com/v1/");
        options.AccountsBaseUrl.ShouldBe("https://accounts.spotify.com/");
        options.RedirectUri.ShouldBe(new Uri("http://127.0.0.1:5173/callback"));
        Path.GetFileName(options.TokenFilePath).ShouldBe("spotify-token.json");
        options.Shuffle.ShouldBeNull();
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_the_key_named()
    {
        var error = Should.Throw<OptionsValidationException>(() => Resolve(new()
        {
            ["Spotify:ApiBaseUrl"] = "api.spotify.com",
            ["Spotify:RedirectPort"] = "70000",
            ["Spotify:ClientId"] = "has spaces in it",
        }));

        error.Message.ShouldContain("Spotify:ApiBaseUrl");
        error.Message.ShouldContain("Spotify:RedirectPort");
        error.Message.ShouldContain("Spotify:ClientId");
    }

    [Fact]
    public void Device_table_lists_devices_and_marks_the_preferred_one()
    {
        var text = SpotifyDeviceTable.Format(
            [
                new SpotifyDevice("dev-kitchen", true, false, false, "Kitchen speaker", "Speaker", 55, true),
                new SpotifyDevice("dev-phone", false, false, false, "Phone", "Smartphone", null, false),
            ],
            "Kitchen speaker");

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain("NAME");
        lines[1].ShouldStartWith("* Kitchen speaker");
        lines[1].ShouldContain("yes");
        lines[1].ShouldContain("55 %");
        lines[1].ShouldContain("dev-kitchen");
        lines[2].ShouldStartWith("  Phone");
        text.ShouldContain("* = Spotify:PreferredDevice");
        SpotifyDeviceTable.Format([], null).ShouldContain("Open Spotify");
    }

    [Fact]
    public void AddSpotify_twice_registers_one_player_provider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSpotify().AddSpotify();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<Core.Playback.IPlayerProvider>().Select(p => p.Name).ShouldBe(["spotify"]);
        provider.GetRequiredService<SpotifyClient>().ShouldBeSameAs(provider.GetRequiredService<SpotifyClient>());
    }

    [Fact]
    public void Token_ToString_hides_the_secrets()
    {
        var token = new Auth.SpotifyToken { AccessToken = "BQsecret", RefreshToken = "AQsecret", ExpiresAt = DateTimeOffset.UnixEpoch };

        token.ToString().ShouldNotContain("secret");
    }

    private static SpotifyOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSpotify();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SpotifyOptions>>().Value;
    }
}
