using System.Net;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class TokenTests
{
    private const string ExpiredLine =
        "Your Spotify login has expired or was revoked; run 'orpheus login' to log in again (a Spotify login lasts 6 months).";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_close_to_expiry_is_refreshed_first_and_the_login_refresh_token_is_kept_as_Spotify_no_longer_sends_one()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        var old = await host.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(30));

        await host.Client.GetDevicesAsync(Ct);

        host.Fake.Requests.Select(r => r.Route).ShouldBe(["POST /api/token", "GET /v1/me/player/devices"]);
        host.Fake.Requests[0].Body.ShouldContain("grant_type=refresh_token");
        host.Fake.Requests[0].Body.ShouldContain("client_id=");
        var saved = host.Store.Read().Token!;
        saved.AccessToken.ShouldNotBe(old.AccessToken);
        saved.RefreshToken.ShouldBe(old.RefreshToken);
        host.Fake.IsValidRefreshToken(saved.RefreshToken).ShouldBeTrue();
        saved.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(50));
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(host.TokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await host.Client.GetDevicesAsync(Ct);
        host.Fake.Count("POST /api/token").ShouldBe(1);
    }

    [Fact]
    public async Task A_refresh_token_that_does_come_back_is_saved_as_before_June_2026()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        host.Fake.RotateRefreshTokens = true;
        var old = await host.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(5));

        await host.Client.GetDevicesAsync(Ct);

        var saved = host.Store.Read().Token!;
        saved.RefreshToken.ShouldNotBe(old.RefreshToken);
        host.Fake.IsValidRefreshToken(old.RefreshToken).ShouldBeFalse();
        host.Fake.IsValidRefreshToken(saved.RefreshToken).ShouldBeTrue();
    }

    [Fact]
    public async Task Expired_access_token_answered_401_is_refreshed_once_and_the_request_retried_once()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        host.Fake.ExpireAccessTokens();

        var devices = await host.Client.GetDevicesAsync(Ct);

        devices.Count.ShouldBe(1);
        host.Fake.Requests.Select(r => r.Route).ShouldBe(["GET /v1/me/player/devices", "POST /api/token", "GET /v1/me/player/devices"]);
        host.Logs.AllText.ShouldContain("Refreshed the Spotify access token");
    }

    [Fact]
    public async Task A_revoked_login_is_dropped_and_every_later_request_says_to_log_in_again_without_asking_Spotify()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(10));
        host.Fake.RevokeRefreshTokens();

        var error = await Should.ThrowAsync<SpotifyLoginExpiredException>(() => host.Client.GetDevicesAsync(Ct));

        error.Message.ShouldBe(ExpiredLine);
        File.Exists(host.TokenFile).ShouldBeFalse();
        host.Provider.IsAvailable(out _).ShouldBeFalse();
        host.Fake.ClearRequests();

        (await Should.ThrowAsync<SpotifyLoginExpiredException>(() => host.Client.GetDevicesAsync(Ct))).Message.ShouldBe(ExpiredLine);
        await using var player = host.CreatePlayer();
        var result = await player.PlayAsync(new PlayRequest("calm", ["spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk"], false), Ct);
        result.Started.ShouldBeFalse();
        result.Message.ShouldBe(ExpiredLine);
        result.WarningId.ShouldBe(WarningIds.SpotifyLoginExpired);
        host.Fake.Requests.ShouldBeEmpty();
        host.Logs.AllText.ShouldContain("invalid_grant");
    }

    [Fact]
    public async Task Six_months_after_the_login_the_refresh_token_expires_and_the_login_is_dropped()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync();
        (await host.Client.GetDevicesAsync(Ct)).Count.ShouldBe(1);

        // Time passes on Spotify's side: the access token's hour is long over, so each request below refreshes.
        host.Fake.AdvanceClock(TimeSpan.FromDays(5 * 31));
        (await host.Client.GetDevicesAsync(Ct)).Count.ShouldBe(1); // five months on, a refresh still works

        host.Fake.AdvanceClock(TimeSpan.FromDays(31));
        var error = await Should.ThrowAsync<SpotifyLoginExpiredException>(() => host.Client.GetDevicesAsync(Ct));

        error.Message.ShouldBe(ExpiredLine);
        File.Exists(host.TokenFile).ShouldBeFalse();
    }

    [Fact]
    public async Task After_a_new_login_Spotify_works_again()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();
        await host.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(10));
        host.Fake.RevokeRefreshTokens();
        await Should.ThrowAsync<SpotifyLoginExpiredException>(() => host.Client.GetDevicesAsync(Ct));

        await host.LogInDirectlyAsync(); // e.g. `orpheus login` in another terminal

        (await host.Client.GetDevicesAsync(Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_refresh_refused_for_the_client_id_keeps_the_saved_login()
    {
        await using var host = await SpotifyTestHost.StartAsync(new() { ["Spotify:ClientId"] = "0rpheusNotTheRegisteredClient000" });
        await host.LogInDirectlyAsync(DateTimeOffset.UtcNow.AddSeconds(10));

        var error = await Should.ThrowAsync<SpotifyAuthException>(() => host.Client.GetDevicesAsync(Ct));

        error.ShouldNotBeOfType<SpotifyLoginExpiredException>();
        error.Message.ShouldContain("Spotify:ClientId");
        File.Exists(host.TokenFile).ShouldBeTrue();
    }

    [Fact]
    public async Task Still_rejected_after_refresh_fails_with_a_login_message_without_looping()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();
        host.Fake.Fail("GET /v1/me/player/devices", 401, times: 5, message: "Invalid access token");

        var error = await Should.ThrowAsync<SpotifyApiException>(() => host.Client.GetDevicesAsync(Ct));

        error.Status.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldContain("orpheus login");
        host.Fake.Count("GET /v1/me/player/devices").ShouldBe(2);
        host.Fake.Count("POST /api/token").ShouldBe(1);
    }

    [Fact]
    public async Task Corrupt_token_file_is_reported_as_logged_out_and_left_in_place()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await File.WriteAllTextAsync(host.TokenFile, "{\"access_token\": \"BQtrunc", Ct);

        host.Provider.IsAvailable(out var reason).ShouldBeFalse();
        reason.ShouldNotBeNull();
        reason.ShouldContain("corrupt");
        reason.ShouldContain("orpheus login");

        await using var player = host.CreatePlayer();
        var result = await player.PlayAsync(new PlayRequest("calm", ["spotify:playlist:37i9dQZF1DWZqd5JICZI0u"], false), Ct);
        result.Started.ShouldBeFalse();
        result.Message!.ShouldContain("corrupt");
        File.Exists(host.TokenFile).ShouldBeTrue();
        host.Fake.Requests.ShouldBeEmpty();
        host.Logs.AllText.ShouldNotContain("BQtrunc");
    }

    [Fact]
    public async Task Provider_explains_missing_login_and_missing_client_id()
    {
        await using (var host = await SpotifyTestHost.StartAsync())
        {
            host.Provider.IsAvailable(out var reason).ShouldBeFalse();
            reason.ShouldBe("Not logged in to Spotify: run `orpheus login`.");
        }

        await using (var host = await SpotifyTestHost.StartAsync(withClientId: false))
        {
            await host.LogInDirectlyAsync();
            host.Provider.IsAvailable(out var reason).ShouldBeFalse();
            reason!.ShouldContain("Spotify:ClientId");
        }
    }

    [Fact]
    public async Task Logout_removes_the_token_file()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        await host.LogInDirectlyAsync();

        host.Store.Delete().ShouldBeTrue();

        File.Exists(host.TokenFile).ShouldBeFalse();
        host.Store.Delete().ShouldBeFalse();
        host.Provider.IsAvailable(out _).ShouldBeFalse();
    }
}
