using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Denoise;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Commands.Model;

/// <summary>
/// What the model hears of one <c>eval</c> clip: the clip itself; the clip with the manifest's <c>reference</c>
/// cancelled out of it (<see cref="EvalEchoPath.CancelClip"/>); or the clip under a background
/// (<see cref="BackgroundMixer"/>), cancelled against that background with <c>--with-reference</c>. Then, as on the
/// input path, the noise suppressor (<c>Audio:NoiseSuppressionDb</c>): over the background's lead-in and the clip
/// from the stream's first sample, or, for a clip alone, over the clip once before the pass that is scored (live it
/// runs all the time, so it has heard the room before the listener speaks; <see cref="NoiseSuppressor.SuppressClip"/>).
/// </summary>
/// <param name="decoder">The app's one decoder (clips and references are read like <c>listen --input</c>).</param>
/// <param name="echo">The live path's canceller, as eval runs it.</param>
/// <param name="background">The background mixer of <c>--background</c>, or null.</param>
/// <param name="cancelBackground">With a background: cancel it (<c>--with-reference</c>); without, the raw mixture.</param>
/// <param name="useManifestReferences">Cancel against a clip's <c>reference</c> column when it has one (off with <c>--no-reference</c>).</param>
/// <param name="noiseSuppressionDb"><c>Audio:NoiseSuppressionDb</c>: 0 for none.</param>
public sealed class EvalAudio(IAudioDecoder decoder, EvalEchoPath echo, BackgroundMixer? background, bool cancelBackground, bool useManifestReferences, int noiseSuppressionDb = 0)
{
    private static readonly TimeSpan MaxClip = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Checks before the run that the canceller can run if it is needed and that every reference the manifest names
    /// exists, so a long run does not stop half-way on a missing one.
    /// </summary>
    /// <exception cref="InvalidDataException">A reference is missing (the message names it and its clip), or the canceller cannot run.</exception>
    public void CheckBeforeRun(IReadOnlyCollection<EvalClip> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        if (noiseSuppressionDb != 0)
        {
            using var probe = new NoiseSuppressor(noiseSuppressionDb);
            if (probe.UnavailableReason is { } missing)
                throw new InvalidDataException($"{missing} Set Audio:NoiseSuppressionDb=0 to measure without it.");
        }

        var manifestReferences = useManifestReferences && background is null && clips.Any(c => c.Reference is not null);
        if ((manifestReferences || background is not null && cancelBackground) && echo.UnavailableReason is { } reason)
            throw new InvalidDataException(reason);
        if (!manifestReferences) return;
        foreach (var clip in clips)
        {
            if (clip.Reference is { } reference && !File.Exists(reference))
                throw new InvalidDataException($"the reference {reference} of clip {clip.Path} does not exist (the 'reference' column is relative to the manifest's folder)");
        }
    }

    /// <summary>The clip's samples as the model should hear them (16 kHz mono).</summary>
    /// <exception cref="AudioDecodeException">The clip cannot be decoded (the caller skips it).</exception>
    /// <exception cref="InvalidDataException">Its reference is missing, unreadable, of another rate or channel count than the clip, or shorter.</exception>
    public float[] Prepare(EvalClip clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var (samples, format) = Decode(clip.Path);
        if (background is not null)
        {
            var (microphone, played) = background.Mix(samples);
            var heard = cancelBackground ? echo.CancelStream(microphone, played, 0) : microphone;
            return NoiseSuppressor.Suppress(heard, noiseSuppressionDb).AsSpan(BackgroundMixer.LeadInSamples).ToArray();
        }

        if (useManifestReferences && clip.Reference is not null)
            samples = echo.CancelClip(samples, LoadReference(clip, samples.Length, format));
        return NoiseSuppressor.SuppressClip(samples, noiseSuppressionDb);
    }

    private float[] LoadReference(EvalClip clip, int clipSamples, (int SampleRate, int Channels) clipFormat)
    {
        var path = clip.Reference!;
        if (!File.Exists(path))
            throw new InvalidDataException($"the reference {path} of clip {clip.Path} does not exist");
        float[] reference;
        (int SampleRate, int Channels) format;
        try
        {
            (reference, format) = Decode(path);
        }
        catch (AudioDecodeException e)
        {
            throw new InvalidDataException($"the reference of clip {clip.Path} cannot be read: {e.Message}", e);
        }

        if (format != clipFormat)
        {
            throw new InvalidDataException(
                $"the reference {path} is {Describe(format)} but its clip {clip.Path} is {Describe(clipFormat)}: a reference must have the clip's sample rate and channel count");
        }

        if (reference.Length < clipSamples)
        {
            throw new InvalidDataException(
                $"the reference {path} lasts {Seconds(reference.Length)}, shorter than its clip {clip.Path} ({Seconds(clipSamples)}): it must cover the whole clip");
        }

        return reference;
    }

    private (float[] Samples, (int SampleRate, int Channels) Format) Decode(string path)
    {
        using var reader = decoder.Open(path, IAudioSource.SampleRate);
        return (reader.ReadAll(path, MaxClip), reader.Source);
    }

    private static string Describe((int SampleRate, int Channels) format) =>
        $"{format.SampleRate} Hz {(format.Channels == 1 ? "mono" : $"{format.Channels} channels")}";

    private static string Seconds(int samples) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{samples / (double)IAudioSource.SampleRate:F2} s");
}
