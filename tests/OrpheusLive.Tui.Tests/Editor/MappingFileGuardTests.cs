using OrpheusLive.Core.Moods;
using OrpheusLive.Tui.Editor;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests.Editor;

/// <summary>The check that keeps the editor from overwriting a mapping file it could not read.</summary>
public sealed class MappingFileGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orpheus-guard-").FullName;

    private string File_ => Path.Combine(_folder, "moods.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_or_valid_file_has_no_problem()
    {
        MappingFileGuard.Problem(File_, InMemoryMoodMapStore.RealTargets).ShouldBeNull();
        File.WriteAllBytes(File_, MoodMapSerializer.Serialize(InMemoryMoodMapStore.DefaultMap()));
        MappingFileGuard.Problem(File_, InMemoryMoodMapStore.RealTargets).ShouldBeNull();
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{ \"emotions\": {}, \"moods\": {} }", "\"emotions\" is empty")]
    [InlineData("{ \"emotions\": { \"joy\": \"upbeat\" }, \"moods\": { \"upbeat\": [\"spotify:playlist:37i9dQZF1DXdPec7aLTmlC\"] } }", "unknown emotion 'joy'")]
    public void An_unreadable_file_is_explained_like_the_store_would(string content, string expected)
    {
        File.WriteAllText(File_, content);

        var problem = MappingFileGuard.Problem(File_, InMemoryMoodMapStore.RealTargets);

        problem.ShouldNotBeNull();
        problem.ShouldStartWith(File_);
        problem.ShouldContain(expected);
    }
}
