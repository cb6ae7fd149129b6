namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// A tiny tmpfs mounted on a fresh temporary directory (needs root or CAP_SYS_ADMIN; the test skips otherwise),
/// unmounted and removed on dispose.
/// </summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (mount syntax, e.g. "64k") or skips the test.</summary>
    public static async Task<TmpfsMount> MountOrSkipAsync(string size)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("A full disk is simulated with a Linux tmpfs mount.");
        }

        if (Shell.Which("mount") is null || Shell.Which("umount") is null)
        {
            Assert.Skip("mount/umount are not installed, so a full disk cannot be simulated.");
        }

        var path = Directory.CreateTempSubdirectory("orpheus-full-").FullName;
        var (code, output) = await Shell.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", path]);
        if (code != 0)
        {
            TryDelete(path);
            Assert.Skip($"Cannot mount a tmpfs to simulate a full disk (needs root or CAP_SYS_ADMIN): {output.Trim()}");
        }

        return new TmpfsMount(path);
    }

    /// <summary>
    /// Fills the filesystem: a filler file grows until the disk refuses more. Then checks that a new file cannot be
    /// written, so the test really exercises a full disk.
    /// </summary>
    public void FillUp()
    {
        using (var filler = new FileStream(File("filler"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            var block = new byte[1024];
            Array.Fill(block, (byte)'x');
            try
            {
                while (true)
                {
                    filler.Write(block);
                }
            }
            catch (IOException)
            {
                // ENOSPC: full.
            }
        }

        var probe = File("probe");
        Should.Throw<IOException>(() =>
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            stream.Write(new byte[512]);
            stream.Flush(flushToDisk: true);
        }, "precondition: the tmpfs must be full");
        System.IO.File.Delete(probe);
    }

    /// <summary>Frees the space taken by <see cref="FillUp"/>.</summary>
    public void Free() => System.IO.File.Delete(File("filler"));

    public async ValueTask DisposeAsync()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (code, _) = await Shell.RunAsync("umount", [Path]);
            if (code == 0)
            {
                TryDelete(Path);
                return;
            }

            await Task.Delay(500);
        }

        // Still busy (a process we could not kill holds it): detach it so nothing stays mounted.
        await Shell.RunAsync("umount", ["-l", Path]);
        TryDelete(Path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
