using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Commands.Spotify;

/// <summary><c>orpheus logout</c>: forgets the saved Spotify login.</summary>
public sealed class LogoutCommand(SpotifyTokenStore store, SpotifyTokenProvider tokens) : ICliCommand
{
    /// <inheritdoc />
    public string Name => "logout";

    /// <inheritdoc />
    public string Summary => "Forget the saved Spotify login";

    /// <inheritdoc />
    public string Usage => """
        orpheus logout

        Deletes the saved Spotify login (Spotify:TokenFile). To also withdraw OrpheusLive's access on Spotify's side,
        remove the app at https://www.spotify.com/account/apps/.
        """;

    /// <inheritdoc />
    public IReadOnlySet<string> Flags { get; } = new HashSet<string>();

    /// <inheritdoc />
    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        args.RejectUnknown();
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
