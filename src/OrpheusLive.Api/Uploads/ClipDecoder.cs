using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using OrpheusLive.Audio.Dsp;
using OrpheusLive.Audio.Wav;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Api.Uploads;

/// <summary>
/// Decodes an uploaded WAV file (any format the app's WAV reader supports) to 16 kHz mono, refusing with the right
/// status what is not a WAV (415), damaged or empty (400), or longer than the limit (413).
/// </summary>
public static class ClipDecoder
{
    private const int BlockFrames = 4096;

    /// <summary>Decodes <paramref name="file"/>; the result has at least one sample.</summary>
    /// <exception cref="UploadRejectedException">The file cannot be scored; the message says why.</exception>
    public static float[] Decode(UploadedFile file, double maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(file);
        var bytes = file.Content;
        if (bytes.IsEmpty)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, "The upload is empty; send a WAV file.");
        }

        RejectIfNotWav(file);
        using var stream = MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        WavReader reader;
        try
        {
            reader = new WavReader(stream, leaveOpen: true, WavReadOptions.Default, file.Name);
        }
        catch (WavFormatException e)
        {
            var status = e.Kind == WavErrorKind.Unsupported ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest;
            throw new UploadRejectedException(status, e.Message, e);
        }

        using (reader)
        {
            return ReadMono(reader, file.Name, maxSeconds);
        }
    }

    private static float[] ReadMono(WavReader reader, string name, double maxSeconds)
    {
        var format = reader.Format;
        if (reader.Duration is { } declared && declared.TotalSeconds > maxSeconds)
        {
            throw TooLong(declared.TotalSeconds, maxSeconds);
        }

        if (reader.FrameCount == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The WAV file '{name}' holds no audio (its data chunk is empty).");
        }

        var maxFrames = (long)Math.Ceiling(maxSeconds * format.SampleRate);
        var converter = new MonoResampler(format.SampleRate, format.Channels, IAudioSource.SampleRate, BlockFrames);
        var frames = new float[BlockFrames * format.Channels];
        var converted = new float[converter.MaxOutput];
        var expected = reader.FrameCount is { } count ? (int)Math.Min(count * IAudioSource.SampleRate / format.SampleRate + 64, int.MaxValue / 2) : 1 << 16;
        var output = new List<float>(expected);
        long framesRead = 0;
        try
        {
            int read;
            while ((read = reader.ReadFrames(frames)) > 0)
            {
                framesRead += read;
                if (framesRead > maxFrames)
                {
                    throw TooLong(framesRead / (double)format.SampleRate, maxSeconds); // a header that did not say its length
                }

                var n = converter.Process(frames.AsSpan(0, read * format.Channels), converted);
                output.AddRange(converted.AsSpan(0, n));
            }

            var tail = converter.Flush(converted);
            output.AddRange(converted.AsSpan(0, tail));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The WAV file '{name}' could not be decoded: {e.Message}", e);
        }

        if (output.Count == 0)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest, $"The WAV file '{name}' holds no audio.");
        }

        return [.. output];
    }

    // A WAV must start with "RIFF" (or a RIFF variant the reader names) and say "WAVE": anything else is another format.
    private static void RejectIfNotWav(UploadedFile file)
    {
        var head = file.Content.Span[..Math.Min(12, file.Content.Length)];
        ReadOnlySpan<byte> riff = "RIFF"u8;
        var prefix = head[..Math.Min(4, head.Length)];
        var looksLikeRiff = riff.StartsWith(prefix) || prefix.SequenceEqual("RIFX"u8) || prefix.SequenceEqual("RF64"u8);
        if (!looksLikeRiff)
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType,
                "The upload is not a WAV file (it does not start with 'RIFF'); send a RIFF/WAVE audio file.");
        }

        if (head.Length < 12)
        {
            throw new UploadRejectedException(StatusCodes.Status400BadRequest,
                $"The WAV file '{file.Name}' is truncated: it ends after {head.Length} bytes, inside the RIFF header.");
        }

        if (prefix.SequenceEqual(riff) && !head[8..12].SequenceEqual("WAVE"u8))
        {
            throw new UploadRejectedException(StatusCodes.Status415UnsupportedMediaType,
                "The upload is a RIFF file but not WAVE audio (e.g. AVI or WebP); send a WAV file.");
        }
    }

    private static UploadRejectedException TooLong(double seconds, double maxSeconds) =>
        new(StatusCodes.Status413PayloadTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"The clip is {seconds:0.#} s long; the limit is {maxSeconds:0.#} s ({ApiOptions.SectionName}:MaxClipSeconds)."));
}
