using System.Text.Json;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Tests.Fakes;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class LoginTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_end_to_end_exchanges_the_code_with_PKCE_and_stores_tokens_owner_only()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        var output = new StringWriter();

        var result = await host.Login.LoginAsync(output, openBrowser: true, Ct);

        var authorizeUrl = host.Browser.OpenedUrl!.AbsoluteUri;
        output.ToString().ShouldContain(authorizeUrl);
        authorizeUrl.ShouldStartWith(host.Fake.BaseUri + "authorize?");
        authorizeUrl.ShouldContain("code_challenge_method=S256");
        authorizeUrl.ShouldContain("redirect_uri=" + Uri.EscapeDataString($"http://127.0.0.1:{new Uri(Query(authorizeUrl, "redirect_uri")).Port}/callback"));
        authorizeUrl.ShouldContain("user-modify-playback-state");
        authorizeUrl.ShouldContain("playlist-read-private");
        host.Fake.PkceVerifications.ShouldBe(1);

        var (status, page) = await host.Browser.Visit!;
        status.ShouldBe(200);
        page.ShouldContain("logged in to Spotify");

        File.Exists(host.TokenFile).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(host.TokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(host.TokenFile, Ct));
        var access = saved.RootElement.GetProperty("access_token").GetString()!;
        var refresh = saved.RootElement.GetProperty("refresh_token").GetString()!;
        host.Fake.Secrets.ShouldContain(access);
        host.Fake.IsValidRefreshToken(refresh).ShouldBeTrue();
        saved.RootElement.GetProperty("expires_at").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(50));
        saved.RootElement.GetProperty("scope").GetString().ShouldNotBeNullOrEmpty();

        result.IsPremium.ShouldBeTrue();
        result.DisplayName.ShouldBe("Test Listener");
        host.Provider.IsAvailable(out var reason).ShouldBeTrue(reason);
    }

    [Fact]
    public async Task Login_rejects_a_callback_whose_state_does_not_match()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.ForgedCallbackState = "state-from-an-attacker";

        var error = await Should.ThrowAsync<SpotifyAuthException>(() => host.Login.LoginAsync(new StringWriter(), openBrowser: true, Ct));

        error.Message.ShouldContain("different state");
        error.Message.ShouldContain("orpheus login");
        var (status, page) = await host.Browser.Visit!;
        status.ShouldBe(400);
        page.ShouldContain("Login rejected");
        host.Fake.Count("POST /api/token").ShouldBe(0);
        File.Exists(host.TokenFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Login_reports_access_denied_in_the_browser()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.DenyAccess = true;

        var error = await Should.ThrowAsync<SpotifyAuthException>(() => host.Login.LoginAsync(new StringWriter(), openBrowser: true, Ct));

        error.Message.ShouldContain("access was denied");
        File.Exists(host.TokenFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Login_times_out_with_a_clear_message_when_the_browser_never_comes_back()
    {
        await using var host = await SpotifyTestHost.StartAsync(
            new() { ["Spotify:LoginTimeout"] = "00:00:00.500" },
            new ScriptedBrowser(opens: false));

        var error = await Should.ThrowAsync<SpotifyAuthException>(() => host.Login.LoginAsync(new StringWriter(), openBrowser: true, Ct));

        error.Message.ShouldContain("timed out");
        error.Message.ShouldContain("/callback");
    }

    [Fact]
    public async Task Login_without_a_client_id_says_how_to_set_one()
    {
        await using var host = await SpotifyTestHost.StartAsync(withClientId: false);

        var error = await Should.ThrowAsync<SpotifyAuthException>(() => host.Login.LoginAsync(new StringWriter(), openBrowser: false, Ct));

        error.Message.ShouldContain("Spotify:ClientId");
        error.Message.ShouldContain("Spotify__ClientId");
    }

    [Fact]
    public void Pkce_verifier_is_long_random_base64url_and_challenge_is_S256()
    {
        var verifier = Pkce.CreateVerifier();
        verifier.Length.ShouldBeGreaterThanOrEqualTo(64);
        verifier.Length.ShouldBeLessThanOrEqualTo(128);
        verifier.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        Pkce.CreateVerifier().ShouldNotBe(verifier);

        // RFC 7636 appendix B.
        Pkce.ChallengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk").ShouldBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce.ChallengeFor(verifier).ShouldBe(FakeSpotifyServer.ChallengeFor(verifier));
    }

    private static string Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name]!;
}
