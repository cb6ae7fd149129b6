using OrpheusLive.IntegrationTests.Faults;
using OrpheusLive.Mpris.Tests.Infrastructure;

namespace OrpheusLive.IntegrationTests;

/// <summary>
/// Media keys on the real app: <c>orpheus listen</c> on the demo input with the built-in player (a private PulseAudio
/// daemon's null sink) exports <c>org.mpris.MediaPlayer2.orpheus</c> on a private session bus, and the real client
/// every desktop's media keys resemble, <c>playerctl</c>, sees and controls it. Every wait polls a condition with a
/// generous deadline; nothing sleeps for a fixed time.
/// </summary>
public sealed class MediaKeysTests(PrivateSessionBus bus) : IClassFixture<PrivateSessionBus>
{
    private static readonly TimeSpan FirstDecisionTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Playerctl_lists_orpheus_sees_what_plays_and_pauses_and_skips_it()
    {
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("playerctl", "playerctl");
        Assert.SkipUnless(File.Exists(OrpheusProcess.Model), $"The emotion model {OrpheusProcess.Model} has not been built yet.");
        await using var pulse = await PrivatePulseAudio.StartOrSkipAsync();
        using var dir = new TempDirectory();
        var musicRoot = TwoTracksPerMood(dir.Path);
        await InOrderAsync(dir.Path);
        var environment = new Dictionary<string, string?>(pulse.ClientEnvironment) { ["DBUS_SESSION_BUS_ADDRESS"] = bus.Address };

        // Real time (no --fast), so the run lasts while playerctl talks to it; one decision only (a long dwell), so
        // a later mood change cannot pass for a skip.
        await using var orpheus = OrpheusChild.Start(
            ["listen", "--input", OrpheusProcess.DemoWav, "--player", "local",
             $"--LocalPlayer:MusicRoot={musicRoot}", "--LocalPlayer:FadeMilliseconds=0", "--Debounce:MinDwellSeconds=3600"],
            dir.Path, environment);

        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Playing", FirstDecisionTimeout, "Playing after the first decision", orpheus.Describe);
        var title = await Tools.PlayerctlAsync(bus.Address, "metadata", "title");
        var mood = await Tools.PlayerctlAsync(bus.Address, "metadata", "album");
        title.ShouldBe($"one-{mood}.wav");
        (await Tools.RunAsync(bus.Address, "playerctl", "-l")).Output.Split('\n').ShouldContain("orpheus");

        await Tools.PlayerctlAsync(bus.Address, "pause");
        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Paused", StepTimeout, "Paused after playerctl pause", orpheus.Describe);

        await Tools.PlayerctlAsync(bus.Address, "play");
        await Tools.WaitForPlayerctlAsync(bus.Address, "status", s => s == "Playing", StepTimeout, "Playing after playerctl play", orpheus.Describe);

        await Tools.PlayerctlAsync(bus.Address, "next");
        await Tools.WaitForPlayerctlAsync(bus.Address, "metadata title", s => s == $"two-{mood}.wav", StepTimeout, $"the next track of {mood} after playerctl next", orpheus.Describe);
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "album")).ShouldBe(mood);
    }

    /// <summary>A music root where every mood's folder (samples/music/MOOD) holds two named copies of its theme.</summary>
    private static string TwoTracksPerMood(string root)
    {
        var shipped = Path.Combine(OrpheusProcess.AppDirectory, "samples", "music");
        foreach (var folder in Directory.GetDirectories(shipped))
        {
            var mood = Path.GetFileName(folder);
            var target = Directory.CreateDirectory(Path.Combine(root, "samples", "music", mood)).FullName;
            var theme = Directory.GetFiles(folder, "*.wav").First();
            File.Copy(theme, Path.Combine(target, $"one-{mood}.wav"));
            File.Copy(theme, Path.Combine(target, $"two-{mood}.wav"));
        }

        return root;
    }

    /// <summary>The user's mapping (in the private config directory): the shipped one, each mood's tracks in order.</summary>
    private static async Task InOrderAsync(string configDirectory)
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(OrpheusProcess.AppDirectory, "config", "moods.json"), TestContext.Current.CancellationToken);
        var inOrder = shipped.Replace("\"shuffle\": true", "\"shuffle\": false", StringComparison.Ordinal);
        inOrder.ShouldNotBe(shipped, "the shipped mapping shuffles; the skip is checked on a mapping that plays in order");
        await File.WriteAllTextAsync(Path.Combine(configDirectory, "moods.json"), inOrder, TestContext.Current.CancellationToken);
    }
}
