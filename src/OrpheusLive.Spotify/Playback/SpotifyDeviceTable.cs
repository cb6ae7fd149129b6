using System.Globalization;
using System.Text;
using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Playback;

/// <summary>The text of <c>orpheus devices</c>: one row per device, the preferred one marked.</summary>
public static class SpotifyDeviceTable
{
    /// <summary>Formats <paramref name="devices"/>; <paramref name="preferredDevice"/> (name or id) gets a <c>*</c>.</summary>
    public static string Format(IReadOnlyList<SpotifyDevice> devices, string? preferredDevice)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var text = new StringBuilder();
        if (devices.Count == 0)
        {
            text.AppendLine("No Spotify devices found. Open Spotify on your phone or computer (play something briefly), then run `orpheus devices` again.");
            return text.ToString();
        }

        var rows = devices.Select(d => new[]
        {
            SpotifyDeviceChoice.IsPreferred(d, preferredDevice) ? "*" : " ",
            d.Name ?? "(unnamed)",
            d.Type ?? "?",
            d.IsActive ? "yes" : "no",
            d.VolumePercent is { } volume ? volume.ToString(CultureInfo.InvariantCulture) + " %" : "-",
            (d.Id ?? "(no id)") + (d.IsRestricted ? "  (restricted: accepts no remote commands)" : string.Empty),
        }).ToList();
        var header = new[] { " ", "NAME", "TYPE", "ACTIVE", "VOLUME", "ID" };
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Append(header).Max(r => r[i].Length)).ToArray();

        void AppendRow(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                // The marker column needs one space after it, the others two.
                text.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + (i == 0 ? 1 : 2)));
            }

            text.AppendLine();
        }

        AppendRow(header);
        rows.ForEach(AppendRow);

        if (string.IsNullOrWhiteSpace(preferredDevice))
        {
            text.AppendLine("Set Spotify:PreferredDevice to a name or id above to choose where music starts when no device is active.");
        }
        else if (!devices.Any(d => SpotifyDeviceChoice.IsPreferred(d, preferredDevice)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Spotify:PreferredDevice '{preferredDevice}' is not available right now (open Spotify on it, or pick a name or id above).");
        }
        else
        {
            text.AppendLine("* = Spotify:PreferredDevice");
        }

        return text.ToString();
    }
}
