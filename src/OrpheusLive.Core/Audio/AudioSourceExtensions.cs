namespace OrpheusLive.Core.Audio;

/// <summary>Helpers over <see cref="IAudioSource"/>.</summary>
public static class AudioSourceExtensions
{
    /// <summary>
    /// Reads a finite source to its end. Stops with an <see cref="AudioSourceException"/> past
    /// <paramref name="maxSamples"/> so a huge or endless input cannot exhaust memory.
    /// </summary>
    public static async Task<float[]> ReadAllAsync(this IAudioSource source, int maxSamples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new float[Math.Min(maxSamples, IAudioSource.SampleRate * 10)];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (buffer.Length >= maxSamples)
                {
                    throw new AudioSourceException(
                        $"{source.Description}: longer than the limit of {maxSamples / (double)IAudioSource.SampleRate:F0} s");
                }

                Array.Resize(ref buffer, (int)Math.Min(maxSamples, buffer.Length * 2L));
            }

            var n = await source.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            count += n;
        }

        return buffer[..count];
    }
}
