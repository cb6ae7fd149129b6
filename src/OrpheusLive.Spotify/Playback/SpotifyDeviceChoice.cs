using OrpheusLive.Spotify.Api;

namespace OrpheusLive.Spotify.Playback;

/// <summary>Which device to wake when none is active: the preferred one, else the only one, else ask the user.</summary>
internal static class SpotifyDeviceChoice
{
    /// <summary>True when <paramref name="device"/> is what <paramref name="preferred"/> (a name or an id) names.</summary>
    public static bool IsPreferred(SpotifyDevice device, string? preferred) =>
        !string.IsNullOrWhiteSpace(preferred) &&
        (string.Equals(device.Id, preferred.Trim(), StringComparison.Ordinal) ||
         string.Equals(device.Name, preferred.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Picks the device to transfer playback to, or returns null with the instructions for the user.</summary>
    public static SpotifyDevice? Choose(IReadOnlyList<SpotifyDevice> devices, string? preferred, out string? problem)
    {
        problem = null;
        var usable = devices.Where(d => !d.IsRestricted && !string.IsNullOrEmpty(d.Id)).ToList();
        var preferredDevice = usable.FirstOrDefault(d => IsPreferred(d, preferred));
        if (preferredDevice is not null)
        {
            return preferredDevice;
        }

        if (usable.Count == 1)
        {
            return usable[0];
        }

        if (usable.Count == 0)
        {
            problem = "No Spotify device is available: open Spotify on your phone or computer (and play something briefly), then try again.";
            return null;
        }

        var names = string.Join(", ", usable.Select(d => $"'{d.Name}'"));
        problem = string.IsNullOrWhiteSpace(preferred)
            ? $"No Spotify device is active: open Spotify on your phone or computer, or set Spotify:PreferredDevice to one of: {names}."
            : $"Spotify:PreferredDevice '{preferred}' is not among the available devices. Open Spotify on that device, or set Spotify:PreferredDevice to one of: {names}.";
        return null;
    }
}
