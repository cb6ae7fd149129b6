namespace OrpheusLive.Storage.Tests;

public sealed class AtomicFileAndUserPathsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-storage-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_atomic_write_replaces_the_file_creates_its_folder_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "sub", "file.json");
        await AtomicFile.WriteAllBytesAsync(path, "old"u8.ToArray(), ownerOnly: false, CancellationToken.None);

        await AtomicFile.WriteAllBytesAsync(path, "new"u8.ToArray(), ownerOnly: false, CancellationToken.None);

        File.ReadAllText(path).ShouldBe("new");
        Directory.GetFiles(Path.Combine(_dir, "sub")).ShouldBe([path]);
    }

    [Fact]
    public async Task An_owner_only_file_is_readable_by_its_owner_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }

        var path = Path.Combine(_dir, "secret.json");
        await AtomicFile.WriteAllBytesAsync(path, "{}"u8.ToArray(), ownerOnly: true, CancellationToken.None);

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void The_config_directory_variable_overrides_the_user_directory()
    {
        var before = Environment.GetEnvironmentVariable(UserPaths.ConfigDirVariable);
        try
        {
            Environment.SetEnvironmentVariable(UserPaths.ConfigDirVariable, _dir);
            UserPaths.ConfigDirectory.ShouldBe(Path.GetFullPath(_dir));
            UserPaths.LogDirectory.ShouldBe(Path.Combine(Path.GetFullPath(_dir), "logs"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserPaths.ConfigDirVariable, before);
        }
    }

    [Fact]
    public void Relative_app_paths_resolve_against_the_app_folder_and_absolute_ones_stay()
    {
        UserPaths.ResolveAppPath("config/moods.json").ShouldBe(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "config/moods.json")));
        UserPaths.ResolveAppPath(_dir).ShouldBe(_dir);
    }
}
