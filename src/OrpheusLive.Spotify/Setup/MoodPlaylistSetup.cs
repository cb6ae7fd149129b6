using System.Globalization;
using Microsoft.Extensions.Logging;
using OrpheusLive.Core.Moods;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;

namespace OrpheusLive.Spotify.Setup;

/// <summary>
/// The step after the first <c>orpheus login</c>: the shipped mapping plays Spotify's own editorial playlists, which
/// apps registered since November 2024 cannot read. For each mood that still relies on them, this lists the user's own
/// playlists (<c>GET /me/playlists</c>) on the terminal and lets the user pick one or skip, then saves the mapping
/// through the mood store. Plain console prompts: it works in any terminal and in SSH sessions; when standard input is
/// not a terminal it asks nothing and says how to choose later.
/// </summary>
public sealed class MoodPlaylistSetup
{
    private const int MaxTries = 3;
    private readonly SpotifyClient _client;
    private readonly IMoodMapStore _store;
    private readonly ILogger<MoodPlaylistSetup> _logger;

    internal MoodPlaylistSetup(SpotifyClient client, IMoodMapStore store, ILogger<MoodPlaylistSetup> logger)
    {
        _client = client;
        _store = store;
        _logger = logger;
    }

    /// <summary>The moods whose Spotify music is only Spotify-owned editorial playlists, in name order.</summary>
    public static IReadOnlyList<string> MoodsOnEditorialPlaylists(MoodMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return [.. map.Moods
            .Where(m => SpotifyTargets(m.Value).ToList() is { Count: > 0 } spotify && spotify.All(SpotifyEditorialPlaylists.IsEditorial))
            .Select(m => m.Key)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Offers the user's playlists for each mood still on editorial playlists; prompts on <paramref name="output"/>
    /// and reads answers from <paramref name="input"/> (a number, or Enter to skip the mood). Returns the moods that
    /// got a playlist (mood → playlist URI); nothing is saved when none did. Never throws for Spotify or mapping
    /// trouble: it prints one line saying what happened and how to choose later (<c>orpheus map</c>).
    /// </summary>
    /// <param name="input">The terminal's input.</param>
    /// <param name="output">The terminal.</param>
    /// <param name="interactive">False when <paramref name="input"/> is not a terminal (redirected): only a hint is printed.</param>
    /// <param name="cancellationToken">Stops the prompts.</param>
    public async Task<IReadOnlyDictionary<string, string>> OfferAsync(TextReader input, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = _store.Current;
        var moods = MoodsOnEditorialPlaylists(map);
        if (moods.Count == 0)
        {
            return chosen;
        }

        if (!interactive)
        {
            await output.WriteLineAsync(
                $"Your mood mapping still plays Spotify's own editorial playlists ({string.Join(", ", moods)}), which new Spotify apps cannot use: " +
                "run 'orpheus login' in a terminal or 'orpheus map' to choose your own playlists.").ConfigureAwait(false);
            return chosen;
        }

        IReadOnlyList<SpotifyPlaylist> playlists;
        try
        {
            playlists = await _client.GetMyPlaylistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SpotifyApiException or SpotifyAuthException)
        {
            await output.WriteLineAsync($"Could not list your Spotify playlists ({ex.Message}); choose them later with 'orpheus map'.").ConfigureAwait(false);
            return chosen;
        }

        var usable = playlists.Where(p => !p.IsEditorial).ToList();
        if (usable.Count == 0)
        {
            await output.WriteLineAsync(
                "Your mood mapping plays Spotify's own editorial playlists, which new Spotify apps cannot use, and your Spotify library has no playlist of your own yet: " +
                "create or follow some, then choose them with 'orpheus map'.").ConfigureAwait(false);
            return chosen;
        }

        await WriteListAsync(output, moods, usable).ConfigureAwait(false);
        foreach (var mood in moods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pick = await AskAsync(input, output, mood, usable.Count).ConfigureAwait(false);
            if (pick is null)
            {
                continue;
            }

            if (pick == 0)
            {
                break; // end of input: the rest keep their music
            }

            chosen[mood] = usable[pick.Value - 1].Uri!;
        }

        if (chosen.Count > 0)
        {
            await SaveAsync(output, map, chosen, usable, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("No playlist chosen; the mapping is unchanged ('orpheus map' edits it later).").ConfigureAwait(false);
        }

        return chosen;
    }

    private static bool IsSpotifyTarget(string target) =>
        target.StartsWith("spotify:", StringComparison.OrdinalIgnoreCase) ||
        target.StartsWith("https://open.spotify.com/", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SpotifyTargets(MoodTargets targets) => targets.Targets.Where(IsSpotifyTarget);

    private static async Task WriteListAsync(TextWriter output, IReadOnlyList<string> moods, List<SpotifyPlaylist> playlists)
    {
        await output.WriteLineAsync(
            $"The moods {string.Join(", ", moods)} play Spotify's own editorial playlists, which new Spotify apps cannot use. Pick one of your playlists for each:").ConfigureAwait(false);
        var width = playlists.Count.ToString(CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < playlists.Count; i++)
        {
            var p = playlists[i];
            var count = p.ItemCount is { } n ? $", {n} tracks" : string.Empty;
            var owner = p.Owner?.DisplayName ?? p.Owner?.Id;
            var by = owner is null ? string.Empty : $", by {owner}";
            await output.WriteLineAsync($"  {(i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {p.Name ?? p.Uri}{count}{by}").ConfigureAwait(false);
        }
    }

    /// <summary>Asks for one mood: the playlist number, null to skip it, 0 when the input ended.</summary>
    private static async Task<int?> AskAsync(TextReader input, TextWriter output, string mood, int count)
    {
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            await output.WriteAsync($"Playlist for '{mood}' (1–{count}, Enter to skip): ").ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            var answer = await input.ReadLineAsync().ConfigureAwait(false);
            if (answer is null)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
                return 0;
            }

            answer = answer.Trim();
            if (answer.Length == 0)
            {
                return null;
            }

            if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count)
            {
                return number;
            }

            await output.WriteLineAsync($"'{answer}' is not on the list: type a number from 1 to {count}, or press Enter to skip '{mood}'.").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Skipping '{mood}'.").ConfigureAwait(false);
        return null;
    }

    private async Task SaveAsync(TextWriter output, MoodMap map, Dictionary<string, string> chosen, List<SpotifyPlaylist> playlists, CancellationToken cancellationToken)
    {
        var moods = new Dictionary<string, MoodTargets>(map.Moods, StringComparer.OrdinalIgnoreCase);
        foreach (var (mood, uri) in chosen)
        {
            // The editorial playlists go; local folders stay for the built-in player.
            var targets = moods[mood];
            moods[mood] = targets with { Targets = [uri, .. targets.Targets.Where(t => !IsSpotifyTarget(t))] };
        }

        try
        {
            await _store.SaveAsync(new MoodMap(map.Emotions, moods), cancellationToken).ConfigureAwait(false);
        }
        catch (MoodMapException ex)
        {
            await output.WriteLineAsync($"Could not save the playlists you chose: {ex.Message}").ConfigureAwait(false);
            return;
        }

        var names = chosen.Select(c => $"{c.Key} → {playlists.First(p => p.Uri == c.Value).Name ?? c.Value}");
        _logger.LogInformation("Saved the user's Spotify playlists for {Count} moods to {Path}", chosen.Count, _store.UserFilePath);
        await output.WriteLineAsync($"Saved {string.Join(", ", names)} in {_store.UserFilePath}.").ConfigureAwait(false);
    }
}
