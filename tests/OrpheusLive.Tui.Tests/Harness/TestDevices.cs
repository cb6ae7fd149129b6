using OrpheusLive.Tui.Devices;

namespace OrpheusLive.Tui.Tests.Harness;

/// <summary>Playback devices the test lists; selections are recorded.</summary>
public sealed class TestDevices(params PlaybackDevice[] devices) : IPlaybackDevices
{
    public List<PlaybackDevice> Selected { get; } = [];

    public Task<IReadOnlyList<PlaybackDevice>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PlaybackDevice>>(devices);

    public Task SelectAsync(PlaybackDevice device, CancellationToken cancellationToken)
    {
        lock (Selected)
        {
            Selected.Add(device);
        }

        return Task.CompletedTask;
    }
}
