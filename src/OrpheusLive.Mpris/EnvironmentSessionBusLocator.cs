using Tmds.DBus.Protocol;

namespace OrpheusLive.Mpris;

/// <summary>The session bus of the desktop session: <c>$DBUS_SESSION_BUS_ADDRESS</c>, as D-Bus clients find it.</summary>
internal sealed class EnvironmentSessionBusLocator : ISessionBusLocator
{
    /// <inheritdoc />
    public string? Address => DBusAddress.Session;
}
