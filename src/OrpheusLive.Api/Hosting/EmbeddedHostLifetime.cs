using Microsoft.Extensions.Hosting;

namespace OrpheusLive.Api.Hosting;

/// <summary>
/// The web host runs inside an `orpheus` command, whose own host already owns Ctrl+C and SIGTERM; this lifetime keeps
/// the web host from installing a second set of handlers. The command stops the web host itself.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
