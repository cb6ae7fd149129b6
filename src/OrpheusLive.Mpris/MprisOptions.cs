namespace OrpheusLive.Mpris;

/// <summary>
/// Settings of the media-key adapter (configuration section <c>Mpris</c>). On Linux, OrpheusLive shows up as the MPRIS
/// player <c>org.mpris.MediaPlayer2.orpheus</c> on the session bus, so media keys, desktop status bars and
/// <c>playerctl</c> control it.
/// </summary>
public sealed class MprisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Mpris";

    /// <summary>
    /// Whether to export the MPRIS player (default true). Without a session bus the adapter logs one warning and stays
    /// off by itself; set false to keep it off without the warning (e.g. on a headless server).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
