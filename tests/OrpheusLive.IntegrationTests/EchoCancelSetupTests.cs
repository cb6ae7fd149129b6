using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;
using OrpheusLive.Hosting;

namespace OrpheusLive.IntegrationTests;

/// <summary><c>Audio:EchoCancel</c> through the app's composition root: when the microphone is echo-cancelled and when not.</summary>
public sealed class EchoCancelSetupTests : IDisposable
{
    private static IHost BuildHost(string? mode, string? monitor = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "orpheus-test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audio:EchoCancel"] = mode,
            ["Audio:EchoReferenceMonitor"] = monitor,
        });
        builder.Services.AddLogging();
        builder.Services.AddOrpheusServices(builder.Configuration);
        return builder.Build();
    }

    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    private (IAudioSource Source, LivePipeline Pipeline) Apply(string? mode, string player, bool live = true, string? monitor = null)
    {
        var host = BuildHost(mode, monitor);
        _hosts.Add(host);
        var pipeline = host.Services.GetRequiredService<LivePipeline>();
        var source = host.Services.GetRequiredService<EchoCancelSetup>().Apply(new SilentSource(live), new NamedPlayer(player), pipeline);
        return (source, pipeline);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("Speex")]
    public void The_microphone_is_echo_cancelled_while_the_built_in_player_plays_on_this_machine(string? mode)
    {
        var (source, _) = Apply(mode, "local");

        var cancelled = source.ShouldBeOfType<EchoCancellingSource>();
        cancelled.Description.ShouldContain("echo-cancelled");
    }

    [Fact]
    public void Fdaf_chooses_the_own_filter()
    {
        var (source, pipeline) = Apply("fdaf", "local");

        source.ShouldBeOfType<EchoCancellingSource>().Canceller.UnavailableReason.ShouldBeNull();
        pipeline.Current.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("off", "local", true)]
    [InlineData("auto", "console", true)]
    [InlineData("auto", "local", false)]
    public void Without_a_reference_or_when_off_the_microphone_is_used_as_it_is(string mode, string player, bool live)
    {
        var (source, pipeline) = Apply(mode, player, live);

        source.ShouldBeOfType<SilentSource>();
        pipeline.Current.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Asking_for_cancellation_with_a_player_that_plays_elsewhere_warns_and_leaves_the_microphone_as_it_is()
    {
        var (source, pipeline) = Apply("speex", "spotify");

        source.ShouldBeOfType<SilentSource>();
        var warning = pipeline.Current.Warnings.ShouldHaveSingleItem();
        warning.Id.ShouldBe(WarningIds.EchoCancelUnavailable);
        warning.Message.ShouldContain("Audio:EchoReferenceMonitor");
    }

    [Fact]
    public async Task Another_player_with_a_monitor_configured_is_cancelled_against_that_monitor()
    {
        if (OperatingSystem.IsWindows()) Assert.Skip("PulseAudio monitors only.");

        var (source, _) = Apply("auto", "spotify", monitor: "no_such_sink.monitor");

        var cancelled = source.ShouldBeOfType<EchoCancellingSource>();
        cancelled.Companion.ShouldBeOfType<MonitorEchoFeed>();
        await cancelled.DisposeAsync();
    }

    private sealed class NamedPlayer(string name) : IPlayer
    {
        public string Name => name;

        public NowPlaying? Current => null;

        public Task<PlaybackResult> PlayAsync(PlayRequest request, CancellationToken cancellationToken) => Task.FromResult(PlaybackResult.Ok("x"));

        public Task PauseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ResumeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SkipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
