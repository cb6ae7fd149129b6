using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrpheusLive.Audio.Playback;

/// <summary>A file decoded by an external program (ffmpeg, sox, opusdec) that writes raw float32 little-endian to stdout.</summary>
internal sealed class ProcessTrack : IAudioTrack
{
    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly byte[] _bytes;
    private int _carry; // bytes of an incomplete frame kept from the previous read

    public ProcessTrack(ProcessStartInfo startInfo, int sampleRate, int channels, int maxFrames)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = false;
        startInfo.UseShellExecute = false;
        _process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        // Drain stderr so a chatty decoder never blocks on a full pipe.
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginErrorReadLine();
        _stdout = _process.StandardOutput.BaseStream;
        SampleRate = sampleRate;
        Channels = channels;
        _bytes = new byte[maxFrames * channels * sizeof(float)];
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public int Read(Span<float> interleaved)
    {
        var frameBytes = Channels * sizeof(float);
        var wanted = Math.Min(interleaved.Length / Channels * frameBytes, _bytes.Length);
        var filled = _carry;
        while (filled < wanted)
        {
            var n = _stdout.Read(_bytes, filled, wanted - filled);
            if (n == 0) break;
            filled += n;
        }
        var whole = filled - filled % frameBytes;
        MemoryMarshal.Cast<byte, float>(_bytes.AsSpan(0, whole)).CopyTo(interleaved);
        _carry = filled - whole;
        if (_carry > 0) _bytes.AsSpan(whole, _carry).CopyTo(_bytes);
        return whole / frameBytes;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }
}
