using OrpheusLive.Core.Audio;

namespace OrpheusLive.Audio.Native;

/// <summary>
/// One pa_simple stream (record or playback) of FLOAT32LE samples. Opening maps libpulse failures to
/// <see cref="AudioSourceException"/> messages a user can act on. Calls block; the owner serialises them.
/// </summary>
internal sealed unsafe class PulseStream : IDisposable
{
    public const string LibraryMissingMessage =
        "PulseAudio client library not found: install libpulse0 (apt-get install libpulse0) or run a PulseAudio/PipeWire desktop.";

    private nint _handle;

    private PulseStream(nint handle, int bytesPerFrame)
    {
        _handle = handle;
        BytesPerFrame = bytesPerFrame;
    }

    public int BytesPerFrame { get; }

    /// <summary>Opens a stream; <paramref name="fragmentMilliseconds"/> bounds latency (record fragment / playback target).</summary>
    public static PulseStream Open(string? server, bool record, string? device, int sampleRate, int channels, int fragmentMilliseconds,
        string applicationName, string streamName)
    {
        var spec = new PulseSimple.SampleSpec { Format = PulseSimple.SampleFloat32Le, Rate = (uint)sampleRate, Channels = (byte)channels };
        var bytesPerFrame = 4 * channels;
        var fragment = (uint)(sampleRate * fragmentMilliseconds / 1000 * bytesPerFrame);
        var attributes = new PulseSimple.BufferAttr
        {
            MaxLength = uint.MaxValue,
            // Record: deliver in fragments of this size. Playback: keep this much queued (the latency) and refill early.
            TargetLength = record ? uint.MaxValue : fragment * 2,
            PreBuffer = uint.MaxValue,
            MinRequest = record ? uint.MaxValue : fragment / 2,
            FragmentSize = record ? fragment : uint.MaxValue,
        };
        int error = 0;
        nint handle;
        try
        {
            handle = PulseSimple.New(string.IsNullOrWhiteSpace(server) ? null : server, applicationName, record ? PulseSimple.StreamRecord : PulseSimple.StreamPlayback,
                string.IsNullOrWhiteSpace(device) ? null : device, streamName, &spec, 0, &attributes, &error);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            throw new AudioSourceException(LibraryMissingMessage, e);
        }
        if (handle == 0) throw new AudioSourceException(OpenFailureMessage(record, device, error));
        return new PulseStream(handle, bytesPerFrame);
    }

    /// <summary>Fills <paramref name="samples"/> completely (blocks). Returns 0 or a pa_error_code_t.</summary>
    public int Read(Span<float> samples)
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        int error = 0;
        fixed (float* data = samples)
        {
            return PulseSimple.Read(_handle, data, (nuint)(samples.Length * sizeof(float)), &error) < 0 ? Math.Max(error, 1) : 0;
        }
    }

    /// <summary>Writes all of <paramref name="samples"/> (blocks while the server's buffer is full). Returns 0 or an error code.</summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        int error = 0;
        fixed (float* data = samples)
        {
            return PulseSimple.Write(_handle, data, (nuint)(samples.Length * sizeof(float)), &error) < 0 ? Math.Max(error, 1) : 0;
        }
    }

    /// <summary>Waits until everything written has been played.</summary>
    public int Drain()
    {
        if (_handle == 0) return 0;
        int error = 0;
        return PulseSimple.Drain(_handle, &error) < 0 ? Math.Max(error, 1) : 0;
    }

    /// <summary>Drops what is queued but not yet played.</summary>
    public void DropQueued()
    {
        if (_handle == 0) return;
        int error = 0;
        _ = PulseSimple.Flush(_handle, &error);
    }

    public void Dispose()
    {
        var handle = _handle;
        _handle = 0;
        if (handle != 0) PulseSimple.Free(handle);
    }

    public static string OpenFailureMessage(bool record, string? device, int error)
    {
        var what = record ? "source" : "sink";
        var named = string.IsNullOrWhiteSpace(device) ? $"the default {what}" : $"{what} '{device}'";
        return error switch
        {
            PulseSimple.ErrorNoEntity when record && !string.IsNullOrWhiteSpace(device) =>
                $"No microphone: PulseAudio has no source '{device}'. List the sources with 'pactl list short sources' and set Audio:Device to one of them (or leave it empty for the default).",
            PulseSimple.ErrorNoEntity when record =>
                "No microphone: PulseAudio has no default source. Plug in a microphone or set Audio:Device (see 'pactl list short sources').",
            PulseSimple.ErrorNoEntity =>
                $"No audio output: PulseAudio has no {named}. See 'pactl list short sinks'.",
            PulseSimple.ErrorConnectionRefused or PulseSimple.ErrorInvalidServer or PulseSimple.ErrorTimeout =>
                $"No PulseAudio server is running ({PulseSimple.Describe(error)}). Start one (pulseaudio --start, or scripts/ci-audio.sh on a machine without sound) or check PULSE_SERVER.",
            PulseSimple.ErrorAccess =>
                $"PulseAudio refused access to {named} ({PulseSimple.Describe(error)}).",
            _ => $"PulseAudio could not open {named}: {PulseSimple.Describe(error)}.",
        };
    }
}
