using System.Globalization;

namespace OrpheusLive.Audio.Decoding;

/// <summary>Whole-clip reading over <see cref="IAudioDecoder"/>, for callers that score a clip at once (<c>eval</c>, the API upload).</summary>
public static class AudioDecoderExtensions
{
    /// <summary>
    /// Decodes all of <paramref name="path"/> to mono at <paramref name="sampleRate"/>, refusing (before decoding, when the
    /// header says so) audio longer than <paramref name="maxDuration"/>, and a file that holds no audio at all.
    /// </summary>
    /// <exception cref="AudioDecodeException">Any decoding problem; <see cref="AudioDecodeErrorKind.TooLong"/> past the limit,
    /// <see cref="AudioDecodeErrorKind.Empty"/> for no samples.</exception>
    public static float[] DecodeAll(this IAudioDecoder decoder, string path, TimeSpan maxDuration, int sampleRate = 16_000)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        using var reader = decoder.Open(path, sampleRate);
        return reader.ReadAll(path, maxDuration);
    }

    /// <summary>Reads the rest of <paramref name="reader"/>; see <see cref="DecodeAll"/>.</summary>
    /// <param name="reader">The opened file.</param>
    /// <param name="name">The file, for messages.</param>
    /// <param name="maxDuration">The longest audio accepted.</param>
    public static float[] ReadAll(this IMonoAudioReader reader, string name, TimeSpan maxDuration)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.DeclaredDuration is { } declared && declared > maxDuration)
        {
            throw TooLong(name, declared, maxDuration);
        }

        var maxSamples = (long)Math.Ceiling(maxDuration.TotalSeconds * reader.SampleRate);
        var expected = reader.DeclaredDuration is { } d ? (int)Math.Min(d.TotalSeconds * reader.SampleRate + 1024, maxSamples + 1) : 1 << 16;
        var buffer = new float[Math.Max(1024, expected)];
        var count = 0L;
        while (true)
        {
            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxSamples + 1024));
            }

            var n = reader.Read(buffer.AsSpan((int)count));
            if (n == 0)
            {
                break;
            }

            count += n;
            if (count > maxSamples)
            {
                throw TooLong(name, TimeSpan.FromSeconds(count / (double)reader.SampleRate), maxDuration); // a header that did not say
            }
        }

        return count == 0
            ? throw new AudioDecodeException(AudioDecodeErrorKind.Empty, $"'{name}' holds no audio (0 samples).")
            : buffer[..(int)count];
    }

    private static AudioDecodeException TooLong(string name, TimeSpan length, TimeSpan limit) =>
        new(AudioDecodeErrorKind.TooLong, string.Create(CultureInfo.InvariantCulture,
            $"'{name}' is {length.TotalSeconds:0.#} s long; the limit is {limit.TotalSeconds:0.#} s."));
}
