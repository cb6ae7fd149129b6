namespace OrpheusLive.Mpris;

/// <summary>The names the MPRIS D-Bus interface specification (2.2) fixes, and OrpheusLive's own.</summary>
internal static class MprisNames
{
    /// <summary>The well-known bus name: <c>playerctl -p orpheus</c> finds it.</summary>
    public const string BusName = "org.mpris.MediaPlayer2.orpheus";

    /// <summary>The object every MPRIS player exports.</summary>
    public const string ObjectPath = "/org/mpris/MediaPlayer2";

    /// <summary>The root interface (identity, capabilities of the application).</summary>
    public const string RootInterface = "org.mpris.MediaPlayer2";

    /// <summary>The player interface (transport controls, status, metadata).</summary>
    public const string PlayerInterface = "org.mpris.MediaPlayer2.Player";

    /// <summary>The standard properties interface (Get, GetAll, Set, PropertiesChanged).</summary>
    public const string PropertiesInterface = "org.freedesktop.DBus.Properties";

    /// <summary>What desktops show as the player's name.</summary>
    public const string Identity = "OrpheusLive";

    /// <summary>The track id the specification reserves for "no track".</summary>
    public const string NoTrack = "/org/mpris/MediaPlayer2/TrackList/NoTrack";

    /// <summary>Prefix of OrpheusLive's track ids (the specification forbids <c>/org/mpris</c> for them).</summary>
    public const string TrackPathPrefix = "/org/orpheuslive/track/";

    /// <summary>D-Bus error for a property that cannot be written.</summary>
    public const string PropertyReadOnlyError = "org.freedesktop.DBus.Error.PropertyReadOnly";

    /// <summary>D-Bus error for a property that does not exist.</summary>
    public const string UnknownPropertyError = "org.freedesktop.DBus.Error.UnknownProperty";

    /// <summary>D-Bus error for an interface this object does not have.</summary>
    public const string UnknownInterfaceError = "org.freedesktop.DBus.Error.UnknownInterface";

    /// <summary>D-Bus error for a method OrpheusLive does not support (OpenUri).</summary>
    public const string NotSupportedError = "org.freedesktop.DBus.Error.NotSupported";

    /// <summary>D-Bus error when a transport command failed in the pipeline.</summary>
    public const string FailedError = "org.freedesktop.DBus.Error.Failed";
}
