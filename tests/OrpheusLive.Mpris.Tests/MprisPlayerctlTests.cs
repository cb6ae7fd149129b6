using System.Diagnostics;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Mpris.Tests.Infrastructure;

namespace OrpheusLive.Mpris.Tests;

/// <summary>
/// The MPRIS adapter on a real (private) session bus, driven by the real client every Linux desktop's media keys and
/// status bars resemble: <c>playerctl</c>. The pipeline behind it is a small in-test implementation of the contract.
/// </summary>
public sealed class MprisPlayerctlTests(PrivateSessionBus bus) : IClassFixture<PrivateSessionBus>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<MprisApp> StartAsync()
    {
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("playerctl", "playerctl");
        var app = await MprisApp.StartAsync(bus.Address);
        app.BusName.ShouldBe("org.mpris.MediaPlayer2.orpheus");
        return app;
    }

    [Fact]
    public async Task The_player_is_listed_as_orpheus_and_is_stopped_before_any_music()
    {
        await using var app = await StartAsync();

        var (code, players, _) = await Tools.RunAsync(bus.Address, "playerctl", "-l");

        code.ShouldBe(0);
        players.Split('\n').ShouldContain("orpheus");
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Stopped");
    }

    [Fact]
    public async Task The_player_is_exported_once_the_pipeline_listens()
    {
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("playerctl", "playerctl");
        var control = new FakePipelineControl(PipelineStatus.Starting);
        var starting = MprisApp.StartAsync(bus.Address, control: control);
        starting.IsCompleted.ShouldBeFalse("nothing is exported while the pipeline starts");

        control.SetStatus(PipelineStatus.Listening);
        await using var app = await starting;

        app.BusName.ShouldBe("org.mpris.MediaPlayer2.orpheus");
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Stopped");
    }

    [Fact]
    public async Task After_a_decision_the_status_is_playing_with_the_title_and_the_mood()
    {
        await using var app = await StartAsync();

        app.Control.Decide("chill", "/music/chill", "Lazy Afternoon");

        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Playing");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "title")).ShouldBe("Lazy Afternoon");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "album")).ShouldBe("chill");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "xesam:genre")).ShouldBe("chill");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "mpris:trackid")).Trim('\'').ShouldStartWith("/org/orpheuslive/track/");
    }

    [Fact]
    public async Task Without_a_track_title_the_title_is_the_folder_or_uri_that_plays()
    {
        await using var app = await StartAsync();

        app.Control.Decide("upbeat", "/home/me/Music/upbeat/");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "title")).ShouldBe("upbeat");

        app.Control.Decide("chill", "spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "title")).ShouldBe("spotify:playlist:4rOoJ6Egrf8K2IrywzwOMk");
    }

    [Fact]
    public async Task Pause_play_and_play_pause_from_playerctl_go_through_the_pipeline()
    {
        await using var app = await StartAsync();
        app.Control.Decide("chill", "/music/chill", "Lazy Afternoon");

        await Tools.PlayerctlAsync(bus.Address, "pause");
        app.Control.Calls.ShouldBe(["PauseMusic"]);
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Paused");

        await Tools.PlayerctlAsync(bus.Address, "play");
        app.Control.Calls.ShouldBe(["PauseMusic", "ResumeMusic"]);
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Playing");

        await Tools.PlayerctlAsync(bus.Address, "play-pause");
        app.Control.Calls.ShouldBe(["PauseMusic", "ResumeMusic", "PauseMusic"]);
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Paused");
    }

    [Fact]
    public async Task Stop_pauses_the_music_because_the_app_has_no_stopped_music_to_restart()
    {
        await using var app = await StartAsync();
        app.Control.Decide("chill", "/music/chill", "Lazy Afternoon");

        await Tools.PlayerctlAsync(bus.Address, "stop");

        app.Control.Calls.ShouldBe(["PauseMusic"]);
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Paused");
    }

    [Fact]
    public async Task Next_skips_to_the_next_track_which_gets_a_new_track_id()
    {
        await using var app = await StartAsync();
        app.Control.Decide("upbeat", "/music/upbeat", "Sunrise", "Second Wind");
        var firstId = await Tools.PlayerctlAsync(bus.Address, "metadata", "mpris:trackid");

        await Tools.PlayerctlAsync(bus.Address, "next");

        app.Control.Calls.ShouldBe(["Skip"]);
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "title")).ShouldBe("Second Wind");
        (await Tools.PlayerctlAsync(bus.Address, "metadata", "mpris:trackid")).ShouldNotBe(firstId);
    }

    [Fact]
    public async Task With_nothing_playing_clients_are_told_there_is_nothing_to_control_and_commands_do_nothing()
    {
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("dbus-send", "dbus-bin");
        await using var app = await StartAsync();

        // playerctl reads CanPlay/CanPause/CanGoNext (all false) and does not send the command at all...
        var (code, _, error) = await Tools.RunAsync(bus.Address, "playerctl", "-p", "orpheus", "play");
        code.ShouldNotBe(0);
        error.ShouldContain("No player could handle this command");

        // ...and a client that sends them anyway gets a plain reply and no effect, as the specification asks.
        foreach (var method in new[] { "Play", "Pause", "PlayPause", "Stop", "Next", "Previous" })
        {
            (await DBusSendAsync($"org.mpris.MediaPlayer2.Player.{method}")).ExitCode.ShouldBe(0, method);
        }

        app.Control.Calls.ShouldBeEmpty();
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Stopped");
    }

    [Fact]
    public async Task Status_and_metadata_changes_are_announced_to_a_following_client()
    {
        await using var app = await StartAsync();
        app.Control.Decide("chill", "/music/chill", "Lazy Afternoon");

        // stdbuf: playerctl's output is block-buffered into a pipe; each line must arrive when printed.
        Tools.SkipUnlessInstalled("stdbuf", "coreutils");
        using var follower = Process.Start(Tools.StartInfo(bus.Address, "stdbuf", "-oL", "playerctl", "-p", "orpheus", "--follow", "metadata", "--format", "{{status}}|{{title}}|{{album}}"))!;
        try
        {
            // The first line is playerctl's own first read; every later line is only printed because a
            // PropertiesChanged signal told it about the change.
            await ReadUntilAsync(follower, "Playing|Lazy Afternoon|chill");
            await app.Control.PauseMusicAsync(Ct);
            await ReadUntilAsync(follower, "Paused|Lazy Afternoon|chill");
            app.Control.Decide("energetic", "/music/energetic", "Drive");
            await ReadUntilAsync(follower, "Playing|Drive|energetic");
        }
        finally
        {
            follower.Kill();
            await follower.WaitForExitAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_root_interface_names_OrpheusLive_and_writes_are_refused()
    {
        bus.SkipIfUnavailable();
        Tools.SkipUnlessInstalled("dbus-send", "dbus-bin");
        await using var app = await MprisApp.StartAsync(bus.Address);

        var identity = await DBusSendAsync("org.freedesktop.DBus.Properties.Get", "string:org.mpris.MediaPlayer2", "string:Identity");
        identity.Output.ShouldContain("\"OrpheusLive\"");
        var previous = await DBusSendAsync("org.freedesktop.DBus.Properties.Get", "string:org.mpris.MediaPlayer2.Player", "string:CanGoPrevious");
        previous.Output.ShouldContain("boolean false");
        var canQuit = await DBusSendAsync("org.freedesktop.DBus.Properties.Get", "string:org.mpris.MediaPlayer2", "string:CanQuit");
        canQuit.Output.ShouldContain("boolean false");

        var set = await DBusSendAsync("org.freedesktop.DBus.Properties.Set", "string:org.mpris.MediaPlayer2.Player", "string:Volume", "variant:double:0.5");
        set.ExitCode.ShouldNotBe(0);
        set.Error.ShouldContain("org.freedesktop.DBus.Error.PropertyReadOnly");

        var introspection = await DBusSendAsync("org.freedesktop.DBus.Introspectable.Introspect");
        introspection.Output.ShouldContain("org.mpris.MediaPlayer2.Player");
    }

    [Fact]
    public async Task A_failing_pipeline_command_is_an_error_reply_and_the_player_stays_on_the_bus()
    {
        await using var app = await StartAsync();
        app.Control.Decide("chill", "/music/chill", "Lazy Afternoon");
        app.Control.FailWith = new InvalidOperationException("the player is gone");

        var next = await DBusSendAsync("org.mpris.MediaPlayer2.Player.Next");

        next.ExitCode.ShouldNotBe(0);
        next.Error.ShouldContain("the player is gone");
        (await Tools.PlayerctlAsync(bus.Address, "status")).ShouldBe("Playing");
    }

    [Fact]
    public async Task A_second_instance_takes_the_per_instance_name()
    {
        await using var first = await StartAsync();
        await using var second = await MprisApp.StartAsync(bus.Address);

        second.BusName.ShouldBe($"org.mpris.MediaPlayer2.orpheus.instance{Environment.ProcessId}");
        var (_, players, _) = await Tools.RunAsync(bus.Address, "playerctl", "-l");
        players.Split('\n').ShouldContain("orpheus");
        players.Split('\n').ShouldContain($"orpheus.instance{Environment.ProcessId}");
    }

    private Task<(int ExitCode, string Output, string Error)> DBusSendAsync(string method, params string[] arguments) =>
        Tools.RunAsync(bus.Address, "dbus-send", ["--session", "--print-reply", "--dest=org.mpris.MediaPlayer2.orpheus", "/org/mpris/MediaPlayer2", method, .. arguments]);

    private static async Task ReadUntilAsync(Process follower, string expected)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Tools.Timeout);
        var seen = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await follower.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"playerctl --follow did not print '{expected}' within {Tools.Timeout.TotalSeconds} s; it printed: {string.Join(" / ", seen)}");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"playerctl --follow ended ({await follower.StandardError.ReadToEndAsync()}) before printing '{expected}'; it printed: {string.Join(" / ", seen)}");
            }

            seen.Add(line);
            if (line == expected)
            {
                return;
            }
        }
    }
}
