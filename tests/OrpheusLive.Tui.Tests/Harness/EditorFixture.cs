using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Storage;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Mapping;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>
/// The real file store in a temporary folder (the shipped default beside it, the user's file not yet written), and
/// the standalone editor (<see cref="MappingEditorApp"/>) started on it headless.
/// </summary>
public sealed class EditorFixture : IAsyncDisposable
{
    private EditorFixture()
    {
        Folder = Directory.CreateTempSubdirectory("orpheus-editor-").FullName;
        DefaultFile = Path.Combine(Folder, "default-moods.json");
        UserFile = Path.Combine(Folder, "moods.json");
        File.WriteAllBytes(DefaultFile, MoodMapSerializer.Serialize(InMemoryMoodMapStore.DefaultMap()));
    }

    public string Folder { get; }

    public string DefaultFile { get; }

    public string UserFile { get; }

    public FileMoodMapStore Store { get; private set; } = null!;

    public HeadlessTerminal Ui { get; private set; } = null!;

    public Task<MappingEditorResult> Result { get; private set; } = null!;

    /// <summary>Creates the store (after <paramref name="userFile"/> content was written, when given) and starts the editor.</summary>
    public static async Task<EditorFixture> StartAsync(string? userFile = null, IReadOnlyList<ITargetCatalog>? catalogs = null,
        int width = 110, int height = 34, bool noColor = false, CancellationToken stop = default)
    {
        var fixture = new EditorFixture();
        if (userFile is not null)
        {
            await File.WriteAllTextAsync(fixture.UserFile, userFile, stop);
        }

        fixture.Store = new FileMoodMapStore(new MoodMapOptions { DefaultFile = fixture.DefaultFile, UserFile = fixture.UserFile },
            InMemoryMoodMapStore.RealTargets, NullLogger<FileMoodMapStore>.Instance, watch: false);
        var options = new MappingEditorOptions { TargetCatalogs = catalogs ?? [] };
        fixture.Ui = await HeadlessTerminal.StartAsync(terminal => fixture.Result = MappingEditorApp.RunAsync(fixture.Store, options, terminal, stop),
            width, height, noColor);
        return fixture;
    }

    /// <summary>The mapping in the user's file now (parsed and validated like the app does).</summary>
    public MoodMap Saved() => MoodMapSerializer.Parse(File.ReadAllText(UserFile), UserFile, InMemoryMoodMapStore.RealTargets);

    public async ValueTask DisposeAsync()
    {
        await Ui.DisposeAsync();
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
