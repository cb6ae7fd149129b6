using System.CommandLine;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Commands.Spotify;

/// <summary><c>orpheus logout</c>: forgets the saved Spotify login.</summary>
public sealed class LogoutCommand(SpotifyTokenStore store, SpotifyTokenProvider tokens) : CliCommand("logout", "Forget the saved Spotify login")
{
    /// <inheritdoc />
    public override string Details => """
        Deletes the saved Spotify login (Spotify:TokenFile). To also withdraw OrpheusLive's access on Spotify's side,
        remove the app at https://www.spotify.com/account/apps/.
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        try
        {
            var removed = store.Delete();
            tokens.Reset();
            await Console.Out.WriteLineAsync(removed
                ? $"Logged out of Spotify: removed {store.FilePath}. To withdraw access on Spotify's side too, remove the app at https://www.spotify.com/account/apps/."
                : $"Not logged in to Spotify (no {store.FilePath}).").ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync($"Could not log out of Spotify: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
