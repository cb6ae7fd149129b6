using OrpheusLive.Core.Windowing;
using OrpheusLive.Audio.Playback;

namespace OrpheusLive.Audio.Tests;

/// <summary>A silent output that records what is written and paces writes at ~20× real time.</summary>
internal sealed class FakeAudioOutput(int sampleRate = 16_000, int channels = 1) : IAudioOutput
{
    private long _samplesWritten;
    private double _lastBlockRms;
    private double _lastBlockTailPeak;

    public string Description => "fake";

    public int SampleRate => sampleRate;

    public int Channels => channels;

    public long SamplesWritten => Interlocked.Read(ref _samplesWritten);

    public double LastBlockRms => Volatile.Read(ref _lastBlockRms);

    /// <summary>The largest magnitude among the last 16 frames of the last block: what the listener hears just before output stops.</summary>
    public double LastBlockTailPeak => Volatile.Read(ref _lastBlockTailPeak);

    public bool Disposed { get; private set; }

    public Exception? FailWith { get; set; }

    public void Write(ReadOnlySpan<float> interleaved)
    {
        if (FailWith is { } failure) throw failure;
        Interlocked.Add(ref _samplesWritten, interleaved.Length);
        Volatile.Write(ref _lastBlockRms, AudioLevel.Rms(interleaved));
        var tail = interleaved[Math.Max(0, interleaved.Length - 16 * channels)..];
        var peak = 0f;
        foreach (var sample in tail) peak = Math.Max(peak, Math.Abs(sample));
        Volatile.Write(ref _lastBlockTailPeak, peak);
        Thread.Sleep(Math.Max(1, interleaved.Length * 1000 / channels / sampleRate / 20));
    }

    public void DropQueued()
    {
    }

    public void Drain()
    {
    }

    public void Dispose() => Disposed = true;
}
