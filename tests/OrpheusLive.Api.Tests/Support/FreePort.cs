using System.Net;
using System.Net.Sockets;

namespace OrpheusLive.Api.Tests.Support;

internal static class FreePort
{
    /// <summary>A port that was free a moment ago on 127.0.0.1 (for commands that take a URL, not port 0).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
