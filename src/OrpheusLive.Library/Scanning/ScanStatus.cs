namespace OrpheusLive.Library.Scanning;

/// <summary>What a scan did with one file.</summary>
public enum ScanStatus
{
    /// <summary>Decoded and analysed now.</summary>
    Analysed,

    /// <summary>Known already (same path, size and time; or same content at a new path): not analysed again.</summary>
    Cached,

    /// <summary>Could not be read, decoded or analysed; <see cref="ScanResult.Error"/> says why. The scan goes on.</summary>
    Failed,
}
