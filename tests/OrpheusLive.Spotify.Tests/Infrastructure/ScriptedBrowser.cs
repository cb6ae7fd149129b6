using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Spotify.Tests.Infrastructure;

/// <summary>
/// Plays the user's browser: GETs the authorize URL at the fake, which redirects to the app's 127.0.0.1 callback,
/// and follows that redirect (a real HTTP round trip through the login listener).
/// </summary>
public sealed class ScriptedBrowser(bool opens = true) : IBrowserLauncher
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = true }) { Timeout = TimeSpan.FromSeconds(20) };

    public Uri? OpenedUrl { get; private set; }

    public Task<(int Status, string Page)>? Visit { get; private set; }

    public bool TryOpen(Uri url)
    {
        OpenedUrl = url;
        if (!opens)
        {
            return false;
        }

        Visit = Task.Run(async () =>
        {
            using var response = await Http.GetAsync(url);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        });
        return true;
    }
}
