using System.Buffers.Binary;
using System.Text;

namespace OrpheusLive.Onnx.Tests;

/// <summary>Minimal RIFF/WAVE reader for PCM16 files (test-only: the app's audio project has its own).</summary>
internal static class Pcm16Wav
{
    /// <summary>Samples of the first channel scaled to -1..1 (s / 32768), and the sample rate.</summary>
    public static (float[] Samples, int SampleRate) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || Encoding.ASCII.GetString(bytes, 0, 4) != "RIFF" || Encoding.ASCII.GetString(bytes, 8, 4) != "WAVE")
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file");

        int channels = 0, sampleRate = 0, bits = 0, format = 0;
        int offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            string id = Encoding.ASCII.GetString(bytes, offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            int body = offset + 8;
            if (id == "fmt ")
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id == "data")
            {
                if (format is not (1 or 0xFFFE) || bits != 16 || channels < 1)
                    throw new InvalidDataException($"{path}: only PCM16 is supported (format {format}, {bits} bits, {channels} channels)");
                int length = Math.Min(size, bytes.Length - body);
                int frames = length / (2 * channels);
                var samples = new float[frames];
                for (int i = 0; i < frames; i++)
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + i * 2 * channels)) / 32768f;
                return (samples, sampleRate);
            }

            offset = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk");
    }
}
