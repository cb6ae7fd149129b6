using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Tui.Dashboard;
using OrpheusLive.Tui.Tests.Fakes;
using Spectre.Console;

namespace OrpheusLive.Tui.Tests;

public sealed class DashboardRendererTests
{
    private static DashboardView BusyView(int warnings = 1)
    {
        var vm = new DashboardViewModel();
        var events = new List<PipelineEvent> { new PipelineStarted(0, "samples/demo.wav", false, "console") };
        for (var i = 3; i < 30; i++)
        {
            events.Add(Events.Speech(i, i % 4 == 0 ? "sad" : "happy", 0.62f, latencyMs: 4 + (i % 3)));
        }

        events.Add(new DecisionEvent(12, "happy", "upbeat", 0.8f, "spotify:playlist:37i9dQZF1DXdPec7aLTmlC", "console", null));
        events.Add(new BeliefChanged(29, new StableEmotion("happy", 0.82f, 12), [], null));
        events.Add(new PlaybackChanged(29, new PlaybackState("console", null, new NowPlaying("upbeat", "samples/music/upbeat", "upbeat", "console", false))));
        for (var i = 0; i < warnings; i++)
        {
            events.Add(new StatusEvent(29, $"test.warning-{i}", StatusSeverity.Warning,
                i == 0 ? "No microphone — playing the demo input (PulseAudio: connection refused)" : $"Warning number {i} that is long enough to need wrapping onto a second line of the dashboard at eighty columns"));
        }

        events.Add(new PipelineStopped(29, PipelineStatus.Ended, null));
        vm.Apply(events.Aggregate(PipelineState.Initial, PipelineStateReducer.Apply));
        return vm.Build();
    }

    private static string Render(ScriptedConsole console, DashboardView view)
    {
        var renderer = new DashboardRenderer(DashboardTheme.For(console));
        console.Write(renderer.Render(view, console.Profile.Width, console.Profile.Height));
        return console.Text();
    }

    [Fact]
    public void Without_colour_the_dashboard_is_plain_text_with_ascii_bars_and_values()
    {
        var console = new ScriptedConsole(80, 24, ansi: true, colors: ColorSystemSupport.NoColors);

        var text = Render(console, BusyView());

        console.Output.ShouldNotContain("\u001b[3"); // no foreground colour codes
        console.Output.ShouldNotContain("\u001b[9");
        text.ShouldNotContain("█");
        text.ShouldContain("> happy");
        text.ShouldMatch(@"> happy\s+#+\.+\s+62%");
        text.ShouldMatch(@"  sad\s+#*\.+\s+5%");
        text.ShouldContain("Stable   happy 82%");
        text.ShouldContain("Mood     upbeat");
        text.ShouldContain("Playing  upbeat");
        text.ShouldContain("Device   console player");
        text.ShouldContain("Latency  p50 5.0 ms  p95 6.0 ms");
        text.ShouldContain("INPUT ENDED");
        text.ShouldContain("Input ended — press q to quit");
        text.ShouldContain("No microphone — playing the demo input");
        text.ShouldContain("[p] pause  [n] skip  [d] device  [m] mapping  [t] timeline  [q] quit");
        text.ShouldContain("♪ happy → upbeat → spotify:playlist:37i9dQZF1DXdPec7aLTmlC");
    }

    [Fact]
    public void With_colour_the_bars_use_blocks_and_colour_codes()
    {
        var console = new ScriptedConsole(80, 24, ansi: true, colors: ColorSystemSupport.TrueColor);

        var text = Render(console, BusyView());

        text.ShouldContain("█");
        console.Output.ShouldContain("\u001b[38;");
    }

    [Theory]
    [InlineData(80, 24, 1)]
    [InlineData(50, 20, 1)]
    [InlineData(80, 24, 3)]
    [InlineData(100, 30, 2)]
    [InlineData(132, 43, 0)]
    public void The_dashboard_fits_the_terminal(int width, int height, int warnings)
    {
        var console = new ScriptedConsole(width, height);

        var lines = Render(console, BusyView(warnings)).TrimEnd('\n').Split('\n');

        lines.Length.ShouldBeLessThan(height); // one spare row: the live display keeps the cursor below it
        lines.ShouldAllBe(l => l.Length <= width);
        lines[^2].ShouldContain("[q] quit");
    }

    [Fact]
    public void The_timeline_shows_the_newest_entries_that_fit_and_can_be_hidden()
    {
        var console = new ScriptedConsole(80, 24);
        var vm = new DashboardViewModel();
        var state = PipelineStateReducer.Apply(PipelineState.Initial, new PipelineStarted(0, "demo.wav", false, "console"));
        for (var i = 0; i < 20; i++)
        {
            state = PipelineStateReducer.Apply(state, new DecisionEvent(60 + (15 * i), "happy", $"mood{i}", 0.8f, $"samples/music/m{i}", "console", null));
        }

        vm.Apply(state);
        var view = vm.Build();

        var text = Render(console, view);
        text.ShouldContain("── Timeline");
        text.ShouldContain(view.Timeline[^1].Text);
        view.Timeline[0].ShouldBe(new TimelineLine("1:00", "♪ happy → mood0 → samples/music/m0", TimelineKind.Decision));
        text.ShouldNotContain("mood0 →"); // the oldest entries did not fit

        var hidden = Render(new ScriptedConsole(80, 24), view with { TimelineVisible = false });
        hidden.ShouldNotContain("── Timeline");
        hidden.ShouldNotContain(view.Timeline[^1].Text);
    }

    [Fact]
    public void A_terminal_without_unicode_gets_ascii_symbols_and_borders()
    {
        var console = new ScriptedConsole(80, 24, unicode: false);

        var text = Render(console, BusyView());

        text.ShouldContain("* happy -> upbeat -> spotify:playlist:");
        text.ShouldContain("+---");
        text.ShouldContain("! No microphone - playing the demo input");
        text.ShouldNotContain("→");
    }

    [Fact]
    public void Markup_characters_in_names_are_shown_literally()
    {
        var vm = new DashboardViewModel();
        vm.AddWarning("Bad target [spotify:x] in mood [/b]");
        var text = Render(new ScriptedConsole(80, 24), vm.Build());

        text.ShouldContain("Bad target [spotify:x] in mood [/b]");
    }

    [Fact]
    public void Before_speech_the_bars_area_says_it_is_waiting()
    {
        var text = Render(new ScriptedConsole(80, 24), new DashboardViewModel().Build());

        text.ShouldContain("waiting for audio…");
        text.ShouldContain("(no speech analysed yet)");
        text.ShouldContain("STARTING");
    }
}
