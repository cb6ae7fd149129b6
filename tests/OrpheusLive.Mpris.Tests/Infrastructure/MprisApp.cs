using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OrpheusLive.Core.Pipeline.State;

namespace OrpheusLive.Mpris.Tests.Infrastructure;

/// <summary>
/// A Generic Host with the production registration (<c>AddMpris</c>) over a <see cref="FakePipelineControl"/>, its
/// session bus pointed at <paramref name="busAddress"/> (or none), logging into a <see cref="FakeLogCollector"/>.
/// </summary>
public sealed class MprisApp : IAsyncDisposable
{
    private readonly IHost _host;

    private MprisApp(IHost host, FakePipelineControl control)
    {
        _host = host;
        Control = control;
    }

    public FakePipelineControl Control { get; }

    public FakeLogCollector Logs => _host.Services.GetRequiredService<FakeLogCollector>();

    /// <summary>The bus name the player got, or null when it is not exported.</summary>
    public string? BusName { get; private set; }

    public IReadOnlyList<FakeLogRecord> Warnings => [.. Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning)];

    public static async Task<MprisApp> StartAsync(string? busAddress, Dictionary<string, string?>? settings = null, FakePipelineControl? control = null,
        bool reportToPipeline = false)
    {
        control ??= new FakePipelineControl();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddFakeLogging();
        builder.Services.AddSingleton<IPipelineControl>(control);
        builder.Services.AddSingleton<ISessionBusLocator>(new FixedBus(busAddress));
        builder.Services.AddMpris(reportToPipeline);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var app = new MprisApp(host, control);
        app.BusName = await host.Services.GetRequiredService<MprisService>().Exported.WaitAsync(Tools.Timeout, TestContext.Current.CancellationToken);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private sealed class FixedBus(string? address) : ISessionBusLocator
    {
        public string? Address => address;
    }
}
