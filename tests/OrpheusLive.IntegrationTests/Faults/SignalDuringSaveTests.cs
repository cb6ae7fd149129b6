using System.Net;
using System.Runtime.CompilerServices;
using System.Net.Http.Json;
using OrpheusLive.Core.Moods;

namespace OrpheusLive.IntegrationTests.Faults;

/// <summary>
/// `orpheus serve` is stopped (SIGTERM) or killed (SIGKILL) while clients keep saving the mapping through
/// PUT /api/moods/{emotion}. The mapping file must always be a complete, valid mapping that holds every save the API
/// acknowledged (an edit still in flight may or may not be in it); a graceful stop exits 0 and leaves no temporary file.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SignalDuringSaveTests
{
    private static readonly string[] Emotions = ["happy", "sad", "angry"];
    private static readonly string[] Moods = ["chill", "upbeat", "comforting", "energetic", "exciting"];

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task Saves_interrupted_by_a_signal_leave_a_valid_mapping_with_every_acknowledged_edit(string signal)
    {
        using var config = new TempDirectory();
        var original = DiskFullTests.UserMapping("exciting");
        await File.WriteAllBytesAsync(config.File("moods.json"), original, TestContext.Current.CancellationToken);
        var initial = MoodMapSerializer.Parse(System.Text.Encoding.UTF8.GetString(original), "initial", RealTargets.Rules);

        await using var serve = await ServeProcess.StartAsync(config.Path);
        using var stopClients = new CancellationTokenSource();
        var acknowledged = new StrongBox<int>();
        var clients = Emotions.Select((emotion, i) => Task.Run(() => EditLoopAsync(serve.Client, emotion, i, acknowledged, stopClients.Token))).ToArray();

        // Let the clients save for a while (a busy machine may need long for the first answers), then signal.
        var saving = await Shell.PollAsync(() => Volatile.Read(ref acknowledged.Value) >= 100 || clients.All(c => c.IsCompleted), TimeSpan.FromSeconds(120));
        saving.ShouldBeTrue($"the API acknowledged only {acknowledged.Value} saves in 120 s.{serve.Child.Describe()}");
        await serve.Child.SignalAsync(signal);
        var code = await serve.Child.WaitForExitAsync(TimeSpan.FromSeconds(60));
        await stopClients.CancelAsync();
        var states = await Task.WhenAll(clients);

        if (signal == "TERM")
        {
            code.ShouldBe(0, $"SIGTERM is a graceful stop.{serve.Child.Describe()}");
            DiskFullTests.TempFiles(config.Path).ShouldBeEmpty("a graceful stop removes the temporary file of a save it interrupted");
            serve.Child.StdErr.ShouldNotContain("unexpected error");
            serve.Child.StdErr.ShouldNotContain("crashed");
        }
        else
        {
            code.ShouldNotBe(0);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SIG{signal}: exit {code}; {string.Join("; ", states.Select(s => $"{s.Emotion}: {s.Acknowledged} acknowledged, in flight [{string.Join(',', s.InFlight)}], refused [{string.Join(',', s.Refused)}]"))}; " +
            $"temp files left: {DiskFullTests.TempFiles(config.Path).Length}");

        // Whatever the signal: the file is a complete mapping (the rename is atomic) and no acknowledged save is lost.
        var text = await File.ReadAllTextAsync(config.File("moods.json"), TestContext.Current.CancellationToken);
        var map = Should.NotThrow(() => MoodMapSerializer.Parse(text, "moods.json", RealTargets.Rules), $"moods.json after SIGKILL/SIGTERM:\n{text}");
        foreach (var state in states)
        {
            var allowed = new List<string?>(state.InFlight) { state.LastAcknowledged ?? initial.MoodFor(state.Emotion) };
            map.MoodFor(state.Emotion).ShouldBeOneOf(allowed.ToArray(),
                $"{state.Emotion}: {state.Acknowledged} saves acknowledged, the last was {state.LastAcknowledged ?? "none"}");
        }

        map.MoodFor("neutral").ShouldBe(initial.MoodFor("neutral"), "an emotion nobody edited keeps its mood");
        states.Sum(s => s.Acknowledged).ShouldBeGreaterThanOrEqualTo(100);
    }

    private static async Task<EditState> EditLoopAsync(HttpClient client, string emotion, int offset, StrongBox<int> acknowledged, CancellationToken stop)
    {
        var state = new EditState(emotion);
        for (var i = offset; !stop.IsCancellationRequested; i++)
        {
            var mood = Moods[i % Moods.Length];
            state.InFlight.Add(mood);
            try
            {
                using var response = await client.PutAsJsonAsync($"/api/moods/{emotion}", new { mood }, stop);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    // A request that reached a stopping server may be refused; it was not saved as far as the client knows.
                    state.Refused.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    break;
                }

                state.InFlight.Clear();
                state.LastAcknowledged = mood;
                state.Acknowledged++;
                Interlocked.Increment(ref acknowledged.Value);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                break; // the server went away: this request may or may not have been saved
            }
        }

        return state;
    }

    private sealed record EditState(string Emotion)
    {
        public List<string> InFlight { get; } = [];

        public List<string> Refused { get; } = [];

        public string? LastAcknowledged { get; set; }

        public int Acknowledged { get; set; }
    }
}
