using System.CommandLine;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Setup;

namespace OrpheusLive.Commands.Spotify;

/// <summary>
/// <c>orpheus login</c>: connects OrpheusLive to the user's Spotify account (Authorization Code with PKCE), then offers
/// the user's own playlists for the moods that still play Spotify's editorial ones.
/// </summary>
public sealed class LoginCommand(SpotifyLogin login, MoodPlaylistSetup playlists) : CliCommand("login", "Log in to Spotify so OrpheusLive can control playback")
{
    private readonly Option<bool> _noBrowser = new("--no-browser")
    {
        Description = "only print the address (for SSH sessions or another machine's browser on the same host)",
    };

    /// <inheritdoc />
    public override string Details => """
        Prints an address to open in a browser (and opens one when it can), waits for Spotify to send the browser back
        to http://127.0.0.1:PORT/callback, and saves the login (readable by you only).
        Needs Spotify:ClientId (your own app from https://developer.spotify.com/dashboard) and the redirect URI
        http://127.0.0.1:5173/callback registered there (port: Spotify:RedirectPort). Your app stays in development
        mode: its owner needs Spotify Premium, and only the accounts listed under User Management in the dashboard
        (at most 5) can log in. A login lasts 6 months; then run `orpheus login` again.
        After logging in, the moods that still play Spotify's own editorial playlists (which new apps cannot use) are
        offered your own playlists to pick from. See docs/spotify.md.
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [_noBrowser];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var result = await login.LoginAsync(Console.Out, openBrowser: !args.GetValue(_noBrowser), cancellationToken).ConfigureAwait(false);
            var who = result.DisplayName is null ? string.Empty : $" as {result.DisplayName}";
            Console.Out.WriteLine($"Logged in to Spotify{who}. The login is saved in {result.TokenFile} (readable by you only).");
            if (result.Product is not null && !result.IsPremium)
            {
                Console.Out.WriteLine($"Note: this is a Spotify {result.Product} account. {SpotifyMessages.PremiumRequired} Until then OrpheusLive can play local folders with its built-in player.");
            }

            await playlists.OfferAsync(Console.In, Console.Out, interactive: !Console.IsInputRedirected, cancellationToken).ConfigureAwait(false);

            return 0;
        }
        catch (Exception ex) when (ex is SpotifyAuthException or SpotifyApiException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
