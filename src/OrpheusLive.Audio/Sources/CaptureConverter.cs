using NAudio.Wave;
using OrpheusLive.Audio.Dsp;
using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Sources;

/// <summary>
/// Turns what a Windows capture device delivers in shared mode (its mix format: usually 32-bit float stereo at 48 kHz,
/// sometimes 16/24/32-bit PCM, plain or WAVE_FORMAT_EXTENSIBLE) into the app's 16 kHz mono float, published in
/// fixed-size blocks on a <see cref="CaptureQueue"/>. NAudio decodes the samples (its
/// <see cref="BufferedWaveProvider"/> and <c>ToSampleProvider</c> converters); the app's own <see cref="MonoResampler"/>
/// downmixes and resamples (measured cleaner than NAudio's WdlResampler: see the Audio README).
/// Pure managed and platform-neutral, so it is tested on Linux; one capture thread calls <see cref="Write"/>.
/// No allocation per call after construction.
/// </summary>
internal sealed class CaptureConverter
{
    private const int ChunkMilliseconds = 20;

    private readonly CaptureQueue _queue;
    private readonly BufferedWaveProvider _buffered;
    private readonly ISampleProvider _samples;
    private readonly MonoResampler _resampler;
    private readonly float[] _interleaved;
    private readonly float[] _mono;
    private readonly byte[] _silence = new byte[4096];
    private float[]? _block;
    private int _blockFilled;

    /// <summary>Creates the converter for one device format.</summary>
    /// <param name="format">The format the device delivers (<c>WasapiCapture.WaveFormat</c>).</param>
    /// <param name="queue">Receives 16 kHz mono blocks.</param>
    /// <param name="description">The device, for messages.</param>
    /// <exception cref="AudioSourceException">NAudio cannot decode <paramref name="format"/>.</exception>
    public CaptureConverter(WaveFormat format, CaptureQueue queue, string description)
    {
        ArgumentNullException.ThrowIfNull(format);
        _queue = queue;
        if (format.Channels < 1 || format.SampleRate < 8000 || format.BlockAlign < 1)
            throw new AudioSourceException($"{description} reports an unusable recording format ({format}).");

        // The device delivers every 10 ms or so and each Write drains everything, so 2 s never overflows.
        _buffered = new BufferedWaveProvider(format, TimeSpan.FromSeconds(2)) { ReadFully = false, DiscardOnBufferOverflow = true };
        try
        {
            _samples = _buffered.ToSampleProvider();
        }
        catch (ArgumentException e)
        {
            throw new AudioSourceException(
                $"{description} records in a format OrpheusLive cannot convert ({format}; {e.Message}). " +
                "Pick 16/24/32-bit PCM or 32-bit float for the device in Windows Sound settings.", e);
        }

        int framesPerChunk = format.SampleRate * ChunkMilliseconds / 1000;
        _interleaved = new float[framesPerChunk * format.Channels];
        _resampler = new MonoResampler(format.SampleRate, format.Channels, IAudioSource.SampleRate, framesPerChunk);
        _mono = new float[_resampler.MaxOutput];
        Format = format;
    }

    /// <summary>The device format this converter decodes.</summary>
    public WaveFormat Format { get; }

    /// <summary>
    /// Converts the same number of bytes of silence: WASAPI flags a packet silent (AUDCLNT_BUFFERFLAGS_SILENT) when its
    /// buffer content is to be ignored, e.g. while the microphone is muted by privacy settings.
    /// </summary>
    public void WriteSilence(int byteCount)
    {
        while (byteCount > 0)
        {
            int chunk = Math.Min(byteCount, _silence.Length - _silence.Length % Format.BlockAlign);
            Write(_silence.AsSpan(0, chunk));
            byteCount -= chunk;
        }
    }

    /// <summary>Converts one buffer of captured bytes (whole frames) and publishes every completed block.</summary>
    public void Write(ReadOnlySpan<byte> captured)
    {
        while (!captured.IsEmpty)
        {
            // Never more than the provider holds: it would discard the overflow.
            int take = Math.Min(captured.Length, _buffered.BufferLength - _buffered.BufferedBytes);
            _buffered.AddSamples(captured[..take]);
            captured = captured[take..];
            int read;
            while ((read = _samples.Read(_interleaved)) > 0)
            {
                int produced = _resampler.Process(_interleaved.AsSpan(0, read), _mono);
                Publish(_mono.AsSpan(0, produced));
            }
        }
    }

    private void Publish(ReadOnlySpan<float> samples)
    {
        while (!samples.IsEmpty)
        {
            _block ??= _queue.Rent();
            int count = Math.Min(samples.Length, _block.Length - _blockFilled);
            samples[..count].CopyTo(_block.AsSpan(_blockFilled));
            _blockFilled += count;
            samples = samples[count..];
            if (_blockFilled < _block.Length) continue;
            _queue.Publish(_block);
            _block = null;
            _blockFilled = 0;
        }
    }
}
