using System.Runtime.Versioning;
using NAudio.CoreAudioApi;

namespace OrpheusLive.Audio;

/// <summary>Finds Windows audio endpoints (NAudio's <see cref="MMDeviceEnumerator"/>) the way the settings name them.</summary>
[SupportedOSPlatform("windows")]
internal static class WindowsAudioDevices
{
    /// <summary>
    /// The default endpoint of <paramref name="flow"/> (for <paramref name="role"/>) when <paramref name="wanted"/> is
    /// empty, else the first active one whose name contains it (any case). Null when there is none;
    /// <paramref name="available"/> then lists the names of the active endpoints ("none" when there are none).
    /// </summary>
    public static MMDevice? Find(DataFlow flow, Role role, string? wanted, out string available)
    {
        using var enumerator = new MMDeviceEnumerator();
        var names = new List<string>();
        MMDevice? match = null;
        if (string.IsNullOrWhiteSpace(wanted))
        {
            if (enumerator.TryGetDefaultAudioEndpoint(flow, role, out MMDevice? device)) match = device;
        }
        else
        {
            foreach (MMDevice candidate in enumerator.EnumerateAudioEndPoints(flow, DeviceState.Active))
            {
                if (match is null && candidate.FriendlyName.Contains(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    match = candidate;
                    continue;
                }

                names.Add(candidate.FriendlyName);
                candidate.Dispose();
            }
        }

        available = names.Count == 0 ? "none" : string.Join(", ", names);
        return match;
    }
}
