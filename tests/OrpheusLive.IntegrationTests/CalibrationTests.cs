using System.Text.Json;

namespace OrpheusLive.IntegrationTests;

/// <summary>Personal calibration in the real app: profiles in the user directory across restarts, bad profiles, bad settings.</summary>
public sealed class CalibrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double Weight(string profile) => JsonDocument.Parse(File.ReadAllText(profile)).RootElement.GetProperty("weight").GetDouble();

    private static Task<(int ExitCode, string StdOut, string StdErr)> ListenAsync(TempDirectory config, params string[] extra) =>
        OrpheusProcess.RunAsync(["listen", "--input", OrpheusProcess.DemoWav, "--fast", "--player", "console", "--json", .. extra], config.Path);

    private static List<JsonElement> Warnings(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(l => l.GetProperty("type").GetString() == "status")];

    [Fact]
    public async Task A_profile_survives_restarts_and_a_corrupt_one_is_kept_as_bak_with_one_warning()
    {
        using var config = new TempDirectory();
        var profile = Path.Combine(config.Path, "profiles", "alice.json");

        var first = await ListenAsync(config, "--profile", "alice");
        first.ExitCode.ShouldBe(0, first.StdErr);
        var learnt = Weight(profile);
        learnt.ShouldBeGreaterThan(5, "the demo holds about a minute of speech");

        var second = await ListenAsync(config, "--profile", "alice");
        second.ExitCode.ShouldBe(0, second.StdErr);
        Warnings(second.StdOut).ShouldBeEmpty();
        Weight(profile).ShouldBeGreaterThan(learnt + 5, "the second run continued from the first one's profile");

        await File.WriteAllTextAsync(profile, "{ not json", Ct);
        var third = await ListenAsync(config, "--profile", "alice");
        third.ExitCode.ShouldBe(0, third.StdErr);
        var warning = Warnings(third.StdOut).ShouldHaveSingleItem();
        warning.GetProperty("id").GetString().ShouldBe("calibration.profile-invalid");
        warning.GetProperty("message").GetString()!.ShouldContain(profile);
        (await File.ReadAllTextAsync(profile + ".bak", Ct)).ShouldBe("{ not json");
        Weight(profile).ShouldBeInRange(5, learnt + 1, "a fresh start: only this run's speech");
        third.StdErr.ShouldNotContain("   at ", Case.Sensitive, "no stack trace on the console");
    }

    [Fact]
    public async Task With_mode_off_no_profile_is_read_or_written()
    {
        using var config = new TempDirectory();

        var (code, _, stderr) = await ListenAsync(config, "--Calibration:Mode=off");

        code.ShouldBe(0, stderr);
        Directory.Exists(Path.Combine(config.Path, "profiles")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_calibration_mode_or_profile_name_is_one_line_that_says_what_is_valid()
    {
        using var config = new TempDirectory();

        var mode = await ListenAsync(config, "--Calibration:Mode=loud");
        var name = await ListenAsync(config, "--profile", "../x");

        mode.ExitCode.ShouldBe(1);
        mode.StdErr.ShouldContain("Calibration:Mode");
        mode.StdErr.ShouldContain("auto, off");
        name.ExitCode.ShouldBe(2);
        name.StdErr.ShouldContain("profile name '../x' is not valid");
    }
}
