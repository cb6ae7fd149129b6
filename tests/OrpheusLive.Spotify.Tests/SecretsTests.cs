using OrpheusLive.Core.Playback;
using OrpheusLive.Spotify.Tests.Fakes;
using OrpheusLive.Spotify.Tests.Infrastructure;

namespace OrpheusLive.Spotify.Tests;

public sealed class SecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tokens_codes_verifier_and_client_id_never_appear_in_the_logs()
    {
        await using var host = await SpotifyTestHost.StartAsync();
        host.Fake.AddActiveDevice();

        await host.Login.LoginAsync(new StringWriter(), openBrowser: true, Ct);
        host.Fake.ExpireAccessTokens();
        await using var player = host.CreatePlayer();
        await player.PlayAsync(new PlayRequest("calm", ["spotify:playlist:37i9dQZF1DWZqd5JICZI0u"], Shuffle: false), Ct);
        host.Fake.Fail("PUT /v1/me/player/pause", 500, times: 3);
        await player.PauseAsync(Ct);
        host.Fake.RevokeRefreshTokens();
        host.Fake.ExpireAccessTokens();
        await player.SkipAsync(Ct);

        var logs = host.Logs.AllText;
        host.Logs.Lines.Count.ShouldBeGreaterThan(5);
        logs.ShouldContain("Refreshed the Spotify access token");
        host.Fake.Secrets.Count.ShouldBeGreaterThan(4);
        foreach (var secret in host.Fake.Secrets.Where(s => s.Length > 0).Append(FakeSpotifyServer.TestClientId))
        {
            logs.ShouldNotContain(secret);
        }

        logs.ShouldNotContain("Bearer", Case.Insensitive);
        logs.ShouldNotContain("code_verifier");
    }
}
