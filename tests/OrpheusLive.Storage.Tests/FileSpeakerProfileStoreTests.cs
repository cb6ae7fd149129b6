using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Calibration;

namespace OrpheusLive.Storage.Tests;

public sealed class FileSpeakerProfileStoreTests : IDisposable
{
    private const string Model = "test-model 1.0";
    private static readonly string[] Labels = ["neutral", "happy", "sad", "angry"];

    private readonly string _dir = Directory.CreateTempSubdirectory("orpheus-profiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FileSpeakerProfileStore NewStore() => new(NullLogger<FileSpeakerProfileStore>.Instance, _dir);

    private static PersonalCalibration NewCalibration(string model = Model) => new(new CalibrationOptions { DetectVoiceChange = false }, Labels, model);

    /// <summary>A calibration that heard a voice biased towards sad, in several emotions (so it corrects).</summary>
    private static PersonalCalibration Adapted()
    {
        var calibration = NewCalibration();
        calibration.StartSession(null);
        var adapted = new float[Labels.Length];
        float[][] windows = [[0.1f, 0.1f, 0.7f, 0.1f], [0.05f, 0.6f, 0.3f, 0.05f], [0.05f, 0.05f, 0.4f, 0.5f], [0.5f, 0.05f, 0.4f, 0.05f]];
        for (var i = 0; i < 40; i++)
        {
            calibration.Process([], windows[i % windows.Length], adapted, 1);
        }

        return calibration;
    }

    [Fact]
    public async Task A_saved_profile_is_continued_by_the_next_session()
    {
        var store = NewStore();
        var first = Adapted();
        (await store.SaveAsync("alice", first.Adaptation.Profile, Ct)).ShouldBeTrue();

        var next = NewCalibration();
        store.Open("alice", next).ShouldBeNull();

        File.Exists(Path.Combine(_dir, "alice.json")).ShouldBeTrue();
        next.Adaptation.Weight.ShouldBe(new CalibrationOptions().SessionKeepWindows);
        next.Adaptation.Bias.ToArray().ShouldNotBe(new double[Labels.Length], "the saved voice bias applies from the first window");
        Directory.GetFiles(_dir).ShouldBe([Path.Combine(_dir, "alice.json")], "no temporary or backup files are left");
    }

    [Fact]
    public void A_missing_profile_starts_fresh_without_a_warning()
    {
        var calibration = NewCalibration();

        NewStore().Open("nobody", calibration).ShouldBeNull();

        calibration.Adaptation.Weight.ShouldBe(0);
    }

    [Fact]
    public async Task A_corrupt_profile_gives_one_warning_a_fresh_start_and_is_kept_as_bak()
    {
        var path = Path.Combine(_dir, "default.json");
        await File.WriteAllTextAsync(path, "{ \"version\": 1, \"model\": ", Ct);
        var store = NewStore();
        var calibration = NewCalibration();

        var warning = store.Open("default", calibration);

        warning.ShouldNotBeNull();
        warning.ShouldContain(path);
        warning.ShouldContain("not valid JSON");
        warning.ShouldContain(path + ".bak");
        calibration.Adaptation.Weight.ShouldBe(0);
        (await File.ReadAllTextAsync(path + ".bak", Ct)).ShouldBe("{ \"version\": 1, \"model\": ");

        (await store.SaveAsync("default", Adapted().Adaptation.Profile, Ct)).ShouldBeTrue();
        SpeakerProfileSerializer.Parse(await File.ReadAllTextAsync(path, Ct), path).Validate(Labels, Model).ShouldBeNull();
        (await File.ReadAllTextAsync(path + ".bak", Ct)).ShouldBe("{ \"version\": 1, \"model\": ", "the backup survives the save");
    }

    [Fact]
    public async Task A_profile_of_another_model_is_not_used_and_is_kept_as_bak()
    {
        var store = NewStore();
        var other = new PersonalCalibration(new CalibrationOptions { DetectVoiceChange = false }, Labels, "other-model 2.0");
        other.StartSession(null);
        await store.SaveAsync("bob", other.Adaptation.Profile, Ct);
        var saved = await File.ReadAllTextAsync(Path.Combine(_dir, "bob.json"), Ct);

        var warning = store.Open("bob", NewCalibration());

        warning.ShouldNotBeNull();
        warning.ShouldContain("other-model 2.0");
        (await File.ReadAllTextAsync(Path.Combine(_dir, "bob.json.bak"), Ct)).ShouldBe(saved);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a b")]
    [InlineData("x.json")]
    public void A_profile_name_that_is_not_a_plain_word_is_rejected_with_what_is_valid(string name)
    {
        FileSpeakerProfileStore.ValidateName(name).ShouldNotBeNull().ShouldContain("letters, digits");
        Should.Throw<ArgumentException>(() => NewStore().PathOf(name));
    }
}
