using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrpheusLive.Api.Tests.Support;
using OrpheusLive.Core.Calibration;
using OrpheusLive.Core.Debouncing;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Windowing;
using OrpheusLive.Players;

namespace OrpheusLive.Api.Tests;

/// <summary>Personal calibration's state on the event stream (listen --json's window lines) and in GET /api/state.</summary>
public sealed class CalibrationStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Window_events_and_the_state_carry_the_calibration_of_the_run()
    {
        var model = new ToneClassifier();
        var step = new PersonalCalibration(new CalibrationOptions { DetectVoiceChange = false }, model.Labels, "tone-fake 1.2.3");
        step.StartSession(SpeakerProfile.Empty(model.Labels, "tone-fake 1.2.3") with { EnrolledClips = 6 }).ShouldBeNull();
        var calibration = new CalibrationRun(step, "carol");
        var source = new GatedAudioSource(GatedAudioSource.Tone(440, 12));
        LivePipeline? pipeline = null;
        await using var api = await TestApi.StartAsync(pipeline: store => pipeline = new LivePipeline(store, new ListenOptions(), new DebounceOptions(), NullLogger.Instance));
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        (await events.NextAsync(TimeSpan.FromSeconds(10)))!.Comment.ShouldBe("connected");

        source.Open();
        var run = pipeline!.RunAsync(source, new WindowAnalyzer(model, new AlwaysSpeech(), 0.25), new ConsolePlayer(NullLogger<ConsolePlayer>.Instance), Ct, calibration);
        var messages = await events.ReadUntilAsync(m => m.Event == "decision", TimeSpan.FromSeconds(30));
        await run;

        var windows = messages.Where(m => m.Event == "window").Select(m => JsonDocument.Parse(m.Data!).RootElement).ToList();
        windows.Count.ShouldBeGreaterThanOrEqualTo(2);
        var first = windows[0].GetProperty("calibration");
        first.GetProperty("mode").GetString().ShouldBe("auto");
        first.GetProperty("profile").GetString().ShouldBe("carol");
        first.GetProperty("enrolled_clips").GetInt32().ShouldBe(6);
        first.GetProperty("enrolled").GetBoolean().ShouldBeTrue();
        first.GetProperty("voice_changes").GetInt32().ShouldBe(0);
        first.GetProperty("gate").GetDouble().ShouldBeInRange(0, 1);
        first.GetProperty("strength").GetDouble().ShouldBeInRange(0, 1);
        var held = windows.Select(w => w.GetProperty("calibration").GetProperty("speech_windows").GetDouble()).ToList();
        held.ShouldBeInOrder(SortDirection.Ascending, "every speech window adds to what the adaptation holds");
        held[^1].ShouldBeGreaterThan(held[0]);

        var state = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();
        var now = state.GetProperty("calibration");
        now.GetProperty("profile").GetString().ShouldBe("carol");
        now.GetProperty("enrolled").GetBoolean().ShouldBeTrue();
        now.GetProperty("speech_windows").GetDouble().ShouldBe(Math.Round(calibration.State().SpeechWindows, 2));
        state.GetProperty("last_window").GetProperty("calibration").GetProperty("speech_windows").GetDouble()
            .ShouldBe(now.GetProperty("speech_windows").GetDouble(), "the last window's calibration is the state's");
    }

    [Fact]
    public async Task State_without_a_session_has_no_calibration()
    {
        await using var api = await TestApi.StartAsync();

        var state = await (await api.Client.GetAsync("/api/state", Ct)).JsonAsync();

        state.GetProperty("calibration").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
