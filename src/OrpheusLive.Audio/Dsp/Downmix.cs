namespace OrpheusLive.Audio.Dsp;

/// <summary>Channel conversions on interleaved float audio. Allocation-free.</summary>
public static class Downmix
{
    /// <summary>
    /// Averages the channels of each frame into one sample. Averaging (not summing) keeps the level in [-1, 1] and
    /// leaves a mono signal duplicated on every channel unchanged.
    /// </summary>
    /// <param name="interleaved">Whole frames of <paramref name="channels"/> samples.</param>
    /// <param name="channels">Samples per frame.</param>
    /// <param name="mono">Receives one sample per frame; must hold interleaved.Length / channels samples.</param>
    /// <returns>The number of mono samples written.</returns>
    public static int ToMono(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var frames = interleaved.Length / channels;
        if (mono.Length < frames) throw new ArgumentException($"The destination must hold {frames} samples.", nameof(mono));
        if (channels == 1)
        {
            interleaved[..frames].CopyTo(mono);
            return frames;
        }
        if (channels == 2)
        {
            for (var i = 0; i < frames; i++) mono[i] = 0.5f * (interleaved[2 * i] + interleaved[2 * i + 1]);
            return frames;
        }
        var scale = 1f / channels;
        for (var i = 0; i < frames; i++)
        {
            var frame = interleaved.Slice(i * channels, channels);
            var sum = 0f;
            foreach (var sample in frame) sum += sample;
            mono[i] = sum * scale;
        }
        return frames;
    }

    /// <summary>Copies each mono sample to every channel of an interleaved frame.</summary>
    /// <returns>The number of samples written (mono.Length × channels).</returns>
    public static int Spread(ReadOnlySpan<float> mono, int channels, Span<float> interleaved)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (interleaved.Length < mono.Length * channels)
            throw new ArgumentException($"The destination must hold {mono.Length * channels} samples.", nameof(interleaved));
        for (var i = 0; i < mono.Length; i++) interleaved.Slice(i * channels, channels).Fill(mono[i]);
        return mono.Length * channels;
    }
}
