using OrpheusLive.Core.Audio;

namespace OrpheusLive.IntegrationTests;

/// <summary>An endless input of silence, live (a microphone) or not (a file), for the input-path set-up tests.</summary>
internal sealed class SilentSource(bool live) : IAudioSource
{
    public string Description => "silence";

    public bool IsLive => live;

    public ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        buffer.Span.Clear();
        return ValueTask.FromResult(buffer.Length);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
