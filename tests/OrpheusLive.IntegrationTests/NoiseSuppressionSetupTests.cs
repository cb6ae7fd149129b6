using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Pipeline;
using OrpheusLive.Hosting;

namespace OrpheusLive.IntegrationTests;

/// <summary><c>Audio:NoiseSuppressionDb</c> through the app's composition root: files and microphones alike, 0 for none.</summary>
public sealed class NoiseSuppressionSetupTests : IDisposable
{
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts) host.Dispose();
    }

    private IAudioSource Apply(string? db, bool live)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "orpheus-test" });
        if (db is not null) builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Audio:NoiseSuppressionDb"] = db });
        builder.Services.AddLogging();
        builder.Services.AddOrpheusServices(builder.Configuration);
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<NoiseSuppressionSetup>().Apply(new SilentSource(live), host.Services.GetRequiredService<LivePipeline>());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(null, false)]
    [InlineData("25", true)]
    public void The_input_is_noise_suppressed_by_default_files_and_microphones_alike(string? db, bool live)
    {
        var source = Apply(db, live);

        source.ShouldBeOfType<NoiseSuppressingSource>().Description.ShouldBe("silence, noise-suppressed");
        source.IsLive.ShouldBe(live);
    }

    [Fact]
    public void Zero_decibels_leaves_the_input_as_it_is() =>
        Apply("0", live: true).ShouldBeOfType<SilentSource>();
}
