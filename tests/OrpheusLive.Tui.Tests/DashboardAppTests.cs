using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Playback;
using OrpheusLive.Tui.Dashboard;
using OrpheusLive.Tui.Devices;
using OrpheusLive.Tui.Tests.Fakes;

namespace OrpheusLive.Tui.Tests;

/// <summary>The UI loop against a fake pipeline, scripted keys and a string console (no terminal needed).</summary>
public sealed class DashboardAppTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private readonly ScriptedConsole _console = new(80, 24, ansi: true);
    private readonly FakePipeline _pipeline = new();
    private readonly InMemoryMoodMapStore _store = new(InMemoryMoodMapStore.DefaultMap());
    private readonly ScriptedKeys _keys = new();

    private DashboardApp Create(IPlaybackDevices? devices = null) =>
        new(_console, _keys, _pipeline, _store, devices is null ? null : player => player == "console" ? devices : null);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_input_ends_and_the_dashboard_waits_for_q()
    {
        var app = Create();
        _keys
            .Then('t', () => _console.Text().Contains("INPUT ENDED", StringComparison.Ordinal)) // once the user can see it
            .Then('p')
            .Then('q', () => app.ViewModel.Build().Notice?.Contains("nothing to pause", StringComparison.Ordinal) == true);

        var code = await app.RunAsync(
            _pipeline.EndsAfter(Events.Speech(3, "happy", 0.7f), Events.Speech(4, "happy", 0.9f)), Token).WaitAsync(TestTimeout, Token);

        code.ShouldBe(0);
        _keys.Remaining.ShouldBe(0);
        app.ViewModel.TimelineVisible.ShouldBeFalse();
        _pipeline.Pauses.ShouldBe(0);
        var text = _console.Text();
        text.ShouldContain("> happy");
        text.ShouldContain("INPUT ENDED");
        _console.Output.ShouldContain("\u001b[?1049h"); // alternate screen entered …
        _console.Output.ShouldEndWith("\u001b[?1049l"); // … and left last
    }

    [Fact]
    public async Task Keys_pause_resume_and_skip_and_quitting_stops_the_pipeline()
    {
        _pipeline.Playing = new NowPlaying("upbeat", "spotify:playlist:x", "Song", "console", false);
        var app = Create();
        _keys
            .Then('p')
            .Then('p', () => _pipeline.Pauses == 1 && _console.Text().Contains("PAUSED", StringComparison.Ordinal))
            .Then('n', () => _pipeline.Resumes == 1 && _pipeline.Current.Status == Core.Pipeline.State.PipelineStatus.Listening)
            .Then('d', () => _pipeline.Skips == 1)
            .Then('q', () => app.ViewModel.Build().Notice?.StartsWith("Device selection is available with the Spotify player", StringComparison.Ordinal) == true);

        var code = await app.RunAsync(_pipeline.RunsUntilCancelled(Events.Speech(3, "calm", 0.8f)), Token).WaitAsync(TestTimeout, Token);

        code.ShouldBe(0);
        _pipeline.WasCancelled.ShouldBeTrue();
        _pipeline.Pauses.ShouldBe(1);
        _pipeline.Resumes.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_skip_becomes_a_warning()
    {
        _pipeline.Playing = new NowPlaying("upbeat", "spotify:playlist:x", "Song", "console", false);
        _pipeline.SkipFailure = new InvalidOperationException("Spotify said 403");
        var app = Create();
        _keys.Then('n').Then('q', () => app.ViewModel.Build().Warnings.Count > 0);

        await app.RunAsync(_pipeline.RunsUntilCancelled(), Token).WaitAsync(TestTimeout, Token);

        app.ViewModel.Build().Warnings.Single().Text.ShouldBe("Could not skip the track: Spotify said 403");
    }

    [Fact]
    public async Task M_opens_the_mapping_editor_and_leaving_it_returns_to_the_dashboard()
    {
        var app = Create();
        _console.Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter); // in the editor: the last entry leaves it
        _keys
            .Then('m', () => app.ViewModel.Build().State == DashboardState.Listening)
            .Then('q', () => _console.PendingKeys == 0 && app.ViewModel.Build().Notice == "Mapping unchanged.");

        var code = await app.RunAsync(_pipeline.RunsUntilCancelled(Events.Speech(3, "sad", 0.8f)), Token).WaitAsync(TestTimeout, Token);

        code.ShouldBe(0);
        var text = _console.Text();
        text.ShouldContain("Mapping editor");
        text.LastIndexOf("Mapping editor", StringComparison.Ordinal).ShouldBeLessThan(text.LastIndexOf("[q] quit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_c_cancellation_quits_cleanly_with_exit_code_0()
    {
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var app = Create();
        _keys.ThenDo(ctrlC.Cancel, when: () => _console.Text().Contains("> sad", StringComparison.Ordinal)); // Ctrl+C once the dashboard shows

        var code = await app.RunAsync(_pipeline.RunsUntilCancelled(Events.Speech(3, "sad", 0.8f)), ctrlC.Token).WaitAsync(TestTimeout, Token);

        code.ShouldBe(0);
        ctrlC.IsCancellationRequested.ShouldBeTrue();
        _pipeline.WasCancelled.ShouldBeTrue();
        _console.Output.ShouldEndWith("\u001b[?1049l");
    }

    [Fact]
    public async Task A_failing_pipeline_is_shown_as_stopped_with_its_reason()
    {
        var app = Create();
        _keys.Then('q', () => _console.Text().Contains("STOPPED", StringComparison.Ordinal));

        await app.RunAsync(_pipeline.FailsWith("The microphone was unplugged"), Token).WaitAsync(TestTimeout, Token);

        app.ViewModel.Build().StateText.ShouldContain("The microphone was unplugged");
        _console.Text().ShouldContain("STOPPED");
    }

    [Fact]
    public async Task D_chooses_a_device_when_the_player_supports_devices()
    {
        var devices = new FakeDevices(new PlaybackDevice("1", "Laptop", true), new PlaybackDevice("2", "Kitchen speaker", false));
        var app = Create(devices);
        _console.Press(ConsoleKey.DownArrow).Press(ConsoleKey.Enter);
        _keys.Then('d').Then('q', () => devices.Selected is not null);

        await app.RunAsync(_pipeline.RunsUntilCancelled(), Token).WaitAsync(TestTimeout, Token);

        devices.Selected!.Name.ShouldBe("Kitchen speaker");
        app.ViewModel.Build().Notice.ShouldBe("Playing on Kitchen speaker.");
        _console.Text().ShouldContain("Laptop (playing now)");
    }

    [Fact]
    public async Task Warnings_reported_before_the_dashboard_started_are_shown()
    {
        _pipeline.Publish(new StatusEvent(0, Core.Pipeline.State.WarningIds.MicrophoneMissing, StatusSeverity.Warning,
            "No microphone — playing the demo input"));
        var app = Create();
        _keys.Then('q', () => app.ViewModel.Build().Warnings.Count == 1);

        await app.RunAsync(_pipeline.RunsUntilCancelled(), Token).WaitAsync(TestTimeout, Token);

        _console.Text().ShouldContain("⚠ No microphone — playing the demo input");
    }

    private sealed class FakeDevices(params PlaybackDevice[] devices) : IPlaybackDevices
    {
        public PlaybackDevice? Selected { get; private set; }

        public Task<IReadOnlyList<PlaybackDevice>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlaybackDevice>>(devices);

        public Task SelectAsync(PlaybackDevice device, CancellationToken cancellationToken)
        {
            Selected = device;
            return Task.CompletedTask;
        }
    }
}
