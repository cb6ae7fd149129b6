using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Mpris.Tests.Infrastructure;

namespace OrpheusLive.Mpris.Tests;

/// <summary>Without a session bus the adapter says so once and the rest of the app goes on.</summary>
public sealed class NoSessionBusTests
{
    [Fact]
    public async Task Without_a_session_bus_one_warning_is_logged_and_the_host_keeps_running()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        await using var app = await MprisApp.StartAsync(busAddress: null);

        app.BusName.ShouldBeNull();
        var warning = app.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain("No D-Bus session bus");
        warning.Message.ShouldContain("everything else works");
        warning.Exception.ShouldBeNull();
    }

    [Fact]
    public async Task For_the_dashboard_the_warning_is_also_in_the_pipeline_state_with_its_id()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        var control = new FakePipelineControl();
        await using var app = await MprisApp.StartAsync(busAddress: null, control: control, reportToPipeline: true);

        var warning = control.Current.Warnings.ShouldHaveSingleItem();
        warning.Id.ShouldBe(WarningIds.MediaKeysUnavailable);
        warning.Severity.ShouldBe(OrpheusLive.Core.Pipeline.StatusSeverity.Warning);
        warning.Message.ShouldBe(app.Warnings.ShouldHaveSingleItem().Message, "the same line as in the log");
    }

    [Fact]
    public async Task Without_the_dashboard_the_warning_stays_in_the_log()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        var control = new FakePipelineControl();
        await using var app = await MprisApp.StartAsync(busAddress: null, control: control);

        app.Warnings.ShouldHaveSingleItem();
        control.Current.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_session_bus_is_one_warning_naming_the_address()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        var address = $"unix:path=/tmp/orpheus-no-bus-{Guid.NewGuid():N}";
        await using var app = await MprisApp.StartAsync(address);

        app.BusName.ShouldBeNull();
        var warning = app.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain(address);
        warning.Message.ShouldContain("cannot be reached");
    }

    [Fact]
    public async Task An_unreachable_session_bus_reaches_the_dashboards_warnings_naming_the_address()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        var address = $"unix:path=/tmp/orpheus-no-bus-{Guid.NewGuid():N}";
        var control = new FakePipelineControl();
        await using var app = await MprisApp.StartAsync(address, control: control, reportToPipeline: true);

        var warning = control.Current.Warnings.ShouldHaveSingleItem();
        warning.Id.ShouldBe(WarningIds.MediaKeysUnavailable);
        warning.Message.ShouldContain(address);
    }

    [Fact]
    public async Task A_pipeline_that_fails_before_it_listens_gets_no_media_key_warning()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "MPRIS is Linux only.");
        var control = new FakePipelineControl(PipelineStatus.Starting);
        var starting = MprisApp.StartAsync(busAddress: null, control: control);

        control.SetStatus(PipelineStatus.Failed); // e.g. the input file is broken: that is the one line the user sees
        await using var app = await starting;

        app.BusName.ShouldBeNull();
        app.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Disabled_it_stays_off_without_a_warning()
    {
        await using var app = await MprisApp.StartAsync(busAddress: null, new() { ["Mpris:Enabled"] = "false" });

        app.BusName.ShouldBeNull();
        app.Warnings.ShouldBeEmpty();
    }
}
