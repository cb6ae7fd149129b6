namespace OrpheusLive.Mpris;

/// <summary>Where the session bus is (tests point it at a private bus, or at none).</summary>
internal interface ISessionBusLocator
{
    /// <summary>The D-Bus address of the session bus, or null when there is none.</summary>
    string? Address { get; }
}
