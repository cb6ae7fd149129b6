using System.Security.Cryptography;

namespace OrpheusLive.Library.Scanning;

/// <summary>The content key of a file: SHA-256 of its bytes, hex, streamed (a 1 GB file needs 1 MB of buffer).</summary>
internal static class FileHasher
{
    /// <summary>Hashes <paramref name="path"/>.</summary>
    public static string Hash(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sha.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
