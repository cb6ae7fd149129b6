using System.Text;

namespace OrpheusLive.Mpris;

/// <summary>The introspection XML of the two MPRIS interfaces, as the specification (2.2) defines them.</summary>
internal static class MprisIntrospection
{
    /// <summary><c>org.mpris.MediaPlayer2</c>.</summary>
    public static ReadOnlyMemory<byte> Root { get; } = Encoding.UTF8.GetBytes("""
        <interface name="org.mpris.MediaPlayer2">
          <method name="Raise"/>
          <method name="Quit"/>
          <property name="CanQuit" type="b" access="read"/>
          <property name="CanRaise" type="b" access="read"/>
          <property name="HasTrackList" type="b" access="read"/>
          <property name="Identity" type="s" access="read"/>
          <property name="SupportedUriSchemes" type="as" access="read"/>
          <property name="SupportedMimeTypes" type="as" access="read"/>
        </interface>

        """);

    /// <summary><c>org.mpris.MediaPlayer2.Player</c>.</summary>
    public static ReadOnlyMemory<byte> Player { get; } = Encoding.UTF8.GetBytes("""
        <interface name="org.mpris.MediaPlayer2.Player">
          <method name="Next"/>
          <method name="Previous"/>
          <method name="Pause"/>
          <method name="PlayPause"/>
          <method name="Stop"/>
          <method name="Play"/>
          <method name="Seek">
            <arg direction="in" type="x" name="Offset"/>
          </method>
          <method name="SetPosition">
            <arg direction="in" type="o" name="TrackId"/>
            <arg direction="in" type="x" name="Position"/>
          </method>
          <method name="OpenUri">
            <arg direction="in" type="s" name="Uri"/>
          </method>
          <signal name="Seeked">
            <arg type="x" name="Position"/>
          </signal>
          <property name="PlaybackStatus" type="s" access="read"/>
          <property name="Rate" type="d" access="read"/>
          <property name="Metadata" type="a{sv}" access="read"/>
          <property name="Volume" type="d" access="read"/>
          <property name="Position" type="x" access="read"/>
          <property name="MinimumRate" type="d" access="read"/>
          <property name="MaximumRate" type="d" access="read"/>
          <property name="CanGoNext" type="b" access="read"/>
          <property name="CanGoPrevious" type="b" access="read"/>
          <property name="CanPlay" type="b" access="read"/>
          <property name="CanPause" type="b" access="read"/>
          <property name="CanSeek" type="b" access="read"/>
          <property name="CanControl" type="b" access="read"/>
        </interface>

        """);
}
