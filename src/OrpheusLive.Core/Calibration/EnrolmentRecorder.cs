using OrpheusLive.Core.Audio;
using OrpheusLive.Core.Windowing;

namespace OrpheusLive.Core.Calibration;

/// <summary>
/// Records one prompted enrolment line from the microphone: opens the input for the line only, reads a fixed length of
/// audio and reports how far it got (in audio time, so a UI's countdown follows the samples, not a clock) and how loud
/// the latest audio was. Used by <c>orpheus calibrate</c> and the dashboard's calibration screen.
/// </summary>
/// <param name="audio">Opens the microphone.</param>
/// <param name="device">The microphone's platform name, or null for the default.</param>
public sealed class EnrolmentRecorder(IAudioSourceFactory audio, string? device)
{
    /// <summary>
    /// Records <paramref name="seconds"/> of audio (16 kHz mono). An input that ends early leaves the rest silent.
    /// </summary>
    /// <param name="seconds">The line's length (at least 1 s).</param>
    /// <param name="progress">Called after every read (on the reading thread), or null.</param>
    /// <param name="cancellationToken">Stops the recording.</param>
    /// <exception cref="AudioSourceException">The microphone cannot be opened or failed; the message says why.</exception>
    public async Task<float[]> RecordAsync(int seconds, Action<RecordingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seconds, 1);
        var samples = new float[seconds * IAudioSource.SampleRate];
        var source = audio.Open(null, fast: false, device);
        await using (source.ConfigureAwait(false))
        {
            var filled = 0;
            while (filled < samples.Length)
            {
                var n = await source.ReadAsync(samples.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                progress?.Invoke(new RecordingProgress((filled + n) / (double)IAudioSource.SampleRate, seconds, AudioLevel.RmsDbfs(samples.AsSpan(filled, n))));
                filled += n;
            }
        }

        return samples;
    }
}
