using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Core.Moods;
using OrpheusLive.Storage;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// Disk full while saving the mapping: a 64 KiB tmpfs holds the user's config directory, a valid moods.json and a
/// filler that takes the rest. A save must fail with a clear message, leave the old file byte-identical, leave no
/// temporary file behind and keep the running app on the old mapping; once space is back, saving works again.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DiskFullTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Api_save_on_a_full_disk_answers_a_clear_error_and_keeps_the_old_mapping_file()
    {
        await using var disk = await TmpfsMount.MountOrSkipAsync("64k");
        var original = UserMapping("exciting");
        await File.WriteAllBytesAsync(disk.File("moods.json"), original, TestContext.Current.CancellationToken);
        disk.FillUp();

        await using var serve = await ServeProcess.StartAsync(disk.Path);
        (await MoodOfAsync(serve.Client, "happy")).ShouldBe("exciting", "the app must start from the user's mapping");

        using var failed = await serve.Client.PutAsJsonAsync("/api/moods/happy", new { mood = "comforting" }, TestContext.Current.CancellationToken);
        var body = await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        ((int)failed.StatusCode).ShouldBe(500, body);
        failed.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
        error.ShouldNotBeNull();
        error.ShouldContain("Could not save the mapping");
        error.ShouldContain("No space left on device", Case.Insensitive, "the cause, so the user knows what to fix");
        error.ShouldContain("previous mapping file is unchanged");
        (await File.ReadAllBytesAsync(disk.File("moods.json"), TestContext.Current.CancellationToken)).ShouldBe(original);
        TempFiles(disk.Path).ShouldBeEmpty();
        (await MoodOfAsync(serve.Client, "happy")).ShouldBe("exciting", "a failed save must not change the mapping in use");
        (await Shell.PollAsync(() => serve.Child.StdErr.Contains("Could not save the mapping", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
            .ShouldBeTrue($"the failure is logged too.{serve.Child.Describe()}");

        // Space is back: the same edit now saves.
        disk.Free();
        using var saved = await serve.Client.PutAsJsonAsync("/api/moods/happy", new { mood = "comforting" }, TestContext.Current.CancellationToken);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var map = MoodMapSerializer.Parse(await File.ReadAllTextAsync(disk.File("moods.json"), TestContext.Current.CancellationToken), "moods.json", RealTargets.Rules);
        map.MoodFor("happy").ShouldBe("comforting");
        map.MoodFor("sad").ShouldBe("comforting");
        TempFiles(disk.Path).ShouldBeEmpty();

        await serve.Child.SignalAsync("TERM");
        (await serve.Child.WaitForExitAsync(ExitTimeout)).ShouldBe(0, serve.Child.Describe());
        serve.Child.StdErr.ShouldNotContain("unexpected error");
    }

    [Fact]
    public async Task Store_save_on_a_full_disk_throws_a_clear_error_and_keeps_the_old_file_and_mapping()
    {
        await using var disk = await TmpfsMount.MountOrSkipAsync("64k");
        var original = UserMapping("exciting");
        await File.WriteAllBytesAsync(disk.File("moods.json"), original, TestContext.Current.CancellationToken);
        disk.FillUp();
        using var store = new FileMoodMapStore(
            new MoodMapOptions { DefaultFile = Path.Combine(OrpheusProcess.AppDirectory, "config", "moods.json"), UserFile = disk.File("moods.json") },
            RealTargets.Rules,
            NullLogger<FileMoodMapStore>.Instance,
            watch: false);
        store.Current.MoodFor("happy").ShouldBe("exciting");
        var changed = store.Current with
        {
            Emotions = new Dictionary<string, string>(store.Current.Emotions, StringComparer.OrdinalIgnoreCase) { ["happy"] = "comforting" },
        };

        var e = await Should.ThrowAsync<MoodMapException>(() => store.SaveAsync(changed, TestContext.Current.CancellationToken));

        e.Message.ShouldContain(disk.File("moods.json"));
        e.Message.ShouldContain("No space left on device", Case.Insensitive);
        e.Message.ShouldContain("previous mapping file is unchanged");
        (await File.ReadAllBytesAsync(disk.File("moods.json"), TestContext.Current.CancellationToken)).ShouldBe(original);
        TempFiles(disk.Path).ShouldBeEmpty();
        store.Current.MoodFor("happy").ShouldBe("exciting");

        disk.Free();
        await store.SaveAsync(changed, TestContext.Current.CancellationToken);
        MoodMapSerializer.Parse(await File.ReadAllTextAsync(disk.File("moods.json"), TestContext.Current.CancellationToken), "moods.json", RealTargets.Rules)
            .MoodFor("happy").ShouldBe("comforting");
        store.Current.MoodFor("happy").ShouldBe("comforting");
        TempFiles(disk.Path).ShouldBeEmpty();
    }

    /// <summary>The shipped mapping with happy → <paramref name="happyMood"/>, in the file format.</summary>
    internal static byte[] UserMapping(string happyMood)
    {
        var shipped = MoodMapSerializer.Parse(
            File.ReadAllText(Path.Combine(OrpheusProcess.AppDirectory, "config", "moods.json")), "config/moods.json", RealTargets.Rules);
        var map = shipped with
        {
            Emotions = new Dictionary<string, string>(shipped.Emotions, StringComparer.OrdinalIgnoreCase) { ["happy"] = happyMood },
        };
        return MoodMapSerializer.Serialize(map);
    }

    /// <summary>The atomic writer's temporary files (<c>.moods.json.PID.GUID.tmp</c>).</summary>
    internal static string[] TempFiles(string directory) => Directory.GetFiles(directory, ".moods.json.*.tmp");

    private static async Task<string?> MoodOfAsync(HttpClient client, string emotion)
    {
        var json = await client.GetStringAsync("/api/moods", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(json).RootElement.GetProperty("emotions").GetProperty(emotion).GetString();
    }
}
