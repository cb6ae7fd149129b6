using System.CommandLine;
using Microsoft.Extensions.Options;
using OrpheusLive.Cli;
using OrpheusLive.Spotify;
using OrpheusLive.Spotify.Api;
using OrpheusLive.Spotify.Auth;
using OrpheusLive.Spotify.Playback;

namespace OrpheusLive.Commands.Spotify;

/// <summary><c>orpheus devices</c>: lists the Spotify Connect devices and marks the preferred one.</summary>
public sealed class DevicesCommand(SpotifyClient client, IOptions<SpotifyOptions> options)
    : CliCommand("devices", "List your Spotify devices (name, type, id, active, volume)")
{
    /// <inheritdoc />
    public override string Details => """
        Lists the Spotify Connect devices of the logged-in account; * marks Spotify:PreferredDevice, where music starts
        when no device is active. Needs `orpheus login` first.
        """;

    /// <inheritdoc />
    protected override IEnumerable<Option> Options => [];

    /// <inheritdoc />
    public override async Task<int> RunAsync(ParseResult args, CancellationToken cancellationToken)
    {
        try
        {
            var devices = await client.GetDevicesAsync(cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteAsync(SpotifyDeviceTable.Format(devices, options.Value.PreferredDevice)).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is SpotifyAuthException or SpotifyApiException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
