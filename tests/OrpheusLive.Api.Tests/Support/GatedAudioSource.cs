using OrpheusLive.Core.Audio;

namespace OrpheusLive.Api.Tests.Support;

/// <summary>A file-like 16 kHz mono source that delivers nothing until <see cref="Open"/> is called.</summary>
internal sealed class GatedAudioSource(float[] samples) : IAudioSource
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public string Description => "test tones";

    public bool IsLive => false;

    public void Open() => _gate.TrySetResult();

    public async ValueTask<int> ReadAsync(Memory<float> buffer, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsMemory(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static float[] Tone(double frequency, double seconds, double amplitude = 0.5)
    {
        var samples = new float[(int)(seconds * IAudioSource.SampleRate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / IAudioSource.SampleRate));
        }

        return samples;
    }
}
