using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;

namespace OrpheusLive.Audio.Decoding;

/// <summary>
/// Raw PCM streamed from a decoder process's standard output (signed little-endian integers of one width, or float32
/// when the width is 0), in blocks. At the end the process's exit code is checked: a failure becomes one line naming
/// the file (from the decoder's first error line), a shortfall against the declared length a truncation.
/// </summary>
internal sealed class ProcessPcmReader : IAudioStreamReader
{
    private readonly Process _process;
    private readonly Stream _stdout;
    private readonly string _path;
    private readonly int _bytesPerSample;
    private readonly float _scale;
    private readonly long? _declared;
    private readonly System.Text.StringBuilder _stderr = new();
    private byte[] _bytes = [];
    private int _carry;
    private long _frames;
    private bool _ended;

    /// <summary>A command line for a decoder whose output is read.</summary>
    public static ProcessStartInfo Command(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Starts <paramref name="psi"/> (its output redirected).</summary>
    public ProcessPcmReader(ProcessStartInfo psi, string path, int rate, int channels, int bytesPerSample, int bits, long? declared)
    {
        _path = path;
        SampleRate = rate;
        Channels = channels;
        _bytesPerSample = bytesPerSample;
        _scale = 1f / (1L << (bits - 1));
        _declared = declared;
        try
        {
            _process = Process.Start(psi) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new AudioDecodeException(AudioDecodeErrorKind.DecoderMissing,
                $"'{Path.GetFileName(path)}' needs {Path.GetFileName(psi.FileName)}, which could not be started: {e.Message}", e);
        }
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr) if (_stderr.Length < 4096) _stderr.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
        _stdout = _process.StandardOutput.BaseStream;
    }

    /// <inheritdoc />
    public int SampleRate { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public TimeSpan? DeclaredDuration => _declared is { } d ? TimeSpan.FromSeconds(d / (double)SampleRate) : null;

    /// <inheritdoc />
    public int Read(Span<float> interleaved)
    {
        if (_ended) return 0;
        var width = _bytesPerSample == 0 ? 4 : _bytesPerSample;
        var frameBytes = width * Channels;
        var wanted = interleaved.Length / Channels * frameBytes;
        if (_bytes.Length < wanted) Array.Resize(ref _bytes, wanted);
        var filled = _carry;
        while (filled < wanted)
        {
            var n = _stdout.Read(_bytes, filled, wanted - filled);
            if (n == 0) break;
            filled += n;
        }
        var whole = filled - filled % frameBytes;
        var samples = whole / width;
        Convert(_bytes.AsSpan(0, whole), interleaved[..samples], width);
        _carry = filled - whole;
        if (_carry > 0) _bytes.AsSpan(whole, _carry).CopyTo(_bytes);
        _frames += samples / Channels;
        if (samples == 0) Finish();
        return samples;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(2000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
    }

    private void Convert(ReadOnlySpan<byte> source, Span<float> target, int width)
    {
        switch (_bytesPerSample)
        {
            case 0:
                for (var i = 0; i < target.Length; i++)
                {
                    var v = BinaryPrimitives.ReadSingleLittleEndian(source[(4 * i)..]);
                    target[i] = float.IsFinite(v) ? v : 0f;
                }
                break;
            case 1:
                for (var i = 0; i < target.Length; i++) target[i] = (sbyte)source[i] * _scale;
                break;
            case 2:
                for (var i = 0; i < target.Length; i++) target[i] = BinaryPrimitives.ReadInt16LittleEndian(source[(2 * i)..]) * _scale;
                break;
            case 3:
                for (var i = 0; i < target.Length; i++)
                {
                    var b = source.Slice(3 * i, 3);
                    target[i] = ((b[0] << 8 | b[1] << 16 | b[2] << 24) >> 8) * _scale;
                }
                break;
            default:
                for (var i = 0; i < target.Length; i++) target[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(width * i)..]) * _scale;
                break;
        }
    }

    private void Finish()
    {
        _ended = true;
        _process.WaitForExit();
        string errors;
        lock (_stderr) errors = _stderr.ToString();
        var name = Path.GetFileName(_path);
        if (_process.ExitCode != 0)
        {
            var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(l => !l.StartsWith(_path, StringComparison.Ordinal) || l.Length > _path.Length + 2) ?? $"exit code {_process.ExitCode}";
            var kind = _frames < (_declared ?? 0) - SampleRate / 10 ? AudioDecodeErrorKind.Truncated : AudioDecodeErrorKind.Invalid;
            throw new AudioDecodeException(kind, $"'{name}' could not be decoded by {Path.GetFileName(_process.StartInfo.FileName)}: {line.Replace(_path, name, StringComparison.Ordinal)}");
        }
        DecodedLength.EnsureComplete(_path, _frames, _declared, SampleRate);
    }
}
