using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrpheusLive.Audio.Echo;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Benchmarks;

/// <summary>
/// <c>echo-measure</c>: runs an echo canceller over the streams of <c>scripts/echo-mixtures.py</c> in 100 ms blocks
/// (as the live capture path delivers them), measures ERLE on the music-only stretches, voice distortion on the
/// clips, delay/drift tracking and the cost, and cuts the clips out of the result into a manifest that
/// <c>orpheus eval --manifest</c> scores. <c>--engine mixed</c> cuts the microphone signal itself (no canceller),
/// <c>--engine clean</c> writes a manifest of the original clips.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project tests/OrpheusLive.Benchmarks -- echo-measure --streams DIR
/// --clips EVALSET_DIR --out DIR --engine speex|fdaf|mixed|clean [--res] [--filter-ms N] [--frame N] [--no-drift] [--cold]
/// [--settle SECONDS] [--verbose] [--save-streams]</c>; ERLE counts the music-only stretches after the first SECONDS (5).
/// <c>--cold</c> starts a fresh canceller for every clip (what a clip-by-clip <c>eval</c> with a reference does):
/// the clip is processed alone with its reference.
/// </remarks>
internal static class EchoMeasurement
{
    private const int SampleRate = 16000;

    public static int Run(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var streams = Get("streams") ?? throw new ArgumentException("--streams DIR is required");
        var clips = Get("clips") ?? throw new ArgumentException("--clips EVALSET_DIR is required");
        var outDir = Get("out") ?? throw new ArgumentException("--out DIR is required");
        var engine = Get("engine") ?? "speex";
        var cold = args.Contains("--cold");
        var settleSamples = (int)(double.Parse(Get("settle") ?? "5", CultureInfo.InvariantCulture) * SampleRate);
        var options = new EchoCancellerOptions
        {
            Engine = engine == "fdaf" ? EchoCancellerEngine.Fdaf : EchoCancellerEngine.Speex,
            ResidualEchoSuppression = args.Contains("--res"),
            FilterMilliseconds = int.Parse(Get("filter-ms") ?? "256", CultureInfo.InvariantCulture),
            TrackDrift = !args.Contains("--no-drift"),
            FrameSamples = int.Parse(Get("frame") ?? "128", CultureInfo.InvariantCulture),
            ResidualNoiseSuppressionDb = int.Parse(Get("res-noise-db") ?? "3", CultureInfo.InvariantCulture),
            ResidualEchoSuppressionDb = int.Parse(Get("res-echo-db") ?? "40", CultureInfo.InvariantCulture),
            ResidualEchoSuppressionActiveDb = int.Parse(Get("res-active-db") ?? "15", CultureInfo.InvariantCulture),
        };
        Directory.CreateDirectory(outDir);

        var segments = File.ReadAllLines(Path.Combine(streams, "segments.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (Stream: int.Parse(f[0], CultureInfo.InvariantCulture), Start: int.Parse(f[1], CultureInfo.InvariantCulture),
                Length: int.Parse(f[2], CultureInfo.InvariantCulture), Path: f[3], Label: f[4], Speaker: f[5]))
            .ToList();
        var rooms = ReadRooms(Path.Combine(streams, "..", "streams.csv"));
        var manifest = new StringBuilder("path,label,speaker\n");
        if (engine == "clean")
        {
            foreach (var s in segments) manifest.Append(CultureInfo.InvariantCulture, $"{Path.GetFullPath(Path.Combine(clips, s.Path))},{s.Label},{s.Speaker}\n");
            File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString());
            Console.WriteLine($"clean manifest: {segments.Count} clips");
            return 0;
        }

        double gapMic = 0, gapOut = 0, voiceEnergy = 0, errorEnergy = 0, mixErrorEnergy = 0, projection = 0, outEnergy = 0;
        double voiceHigh = 0, errorHigh = 0, mixErrorHigh = 0;
        double processSeconds = 0, audioSeconds = 0, cpuSeconds = 0;
        var self = Process.GetCurrentProcess();
        var delayErrors = new List<double>();
        var driftErrors = new List<double>();
        var resets = 0;
        var clipIndex = 0;
        foreach (var group in segments.GroupBy(s => s.Stream))
        {
            var id = group.Key;
            var mic = WavFile.Read(Path.Combine(streams, $"{id:000}_mic.wav")).Samples;
            var reference = WavFile.Read(Path.Combine(streams, $"{id:000}_ref.wav")).Samples;
            var output = new float[mic.Length];
            var sw = new Stopwatch();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            if (engine == "mixed")
            {
                mic.CopyTo(output, 0);
            }
            else if (cold)
            {
                mic.CopyTo(output, 0);
                foreach (var s in group)
                {
                    using var canceller = new EchoCanceller(options);
                    canceller.Diverged += (_, _) => resets++;
                    sw.Start();
                    var clipOut = canceller.CancelWhole(mic.AsSpan(s.Start, s.Length), reference.AsSpan(s.Start, s.Length));
                    sw.Stop();
                    clipOut.CopyTo(output, s.Start);
                }
            }
            else
            {
                using var canceller = new EchoCanceller(options);
                if (canceller.UnavailableReason is { } reason) Console.Error.WriteLine(reason);
                canceller.Diverged += (_, _) => resets++;
                sw.Start();
                canceller.CancelWhole(mic, reference).CopyTo(output, 0);
                sw.Stop();
                if (rooms.TryGetValue(id, out var room))
                {
                    // The capture clock runs ppm fast: by the end of the stream the delay has shrunk by ppm × its length.
                    var expected = room.DelayMs - room.DriftPpm * 1e-6 * (mic.Length * 1000.0 / SampleRate);
                    delayErrors.Add((canceller.DelayMilliseconds ?? double.NaN) - expected);
                    // The capture clock runs ppm fast, so the delay shrinks by ppm per sample: the tracked drift is -ppm.
                    driftErrors.Add(canceller.DriftPpm + room.DriftPpm);
                }
            }

            self.Refresh();
            cpuSeconds += (self.TotalProcessorTime - cpuBefore).TotalSeconds; // the process: the canceller plus JIT/GC threads
            processSeconds += sw.Elapsed.TotalSeconds;
            audioSeconds += mic.Length / (double)SampleRate;

            // Music-only stretches after the first seconds: ERLE. Clips: voice distortion against the dry clip.
            var speech = new bool[mic.Length];
            foreach (var s in group)
            {
                Array.Fill(speech, true, s.Start, s.Length);
                var voice = WavFile.Read(Path.Combine(clips, s.Path)).Samples;
                // Above 300 Hz too: SpeexDSP's DC notch (about 46 Hz) shifts the phase of the lowest voice band, which a
                // waveform difference counts as distortion although the spectrum is the same.
                var length = Math.Min(s.Length, voice.Length);
                var v300 = HighPass300(voice.AsSpan(0, length));
                var o300 = HighPass300(output.AsSpan(s.Start, length));
                var m300 = HighPass300(mic.AsSpan(s.Start, length));
                for (var i = 0; i < length; i++)
                {
                    voiceHigh += v300[i] * (double)v300[i];
                    errorHigh += (o300[i] - v300[i]) * (double)(o300[i] - v300[i]);
                    mixErrorHigh += (m300[i] - v300[i]) * (double)(m300[i] - v300[i]);
                }

                for (var i = 0; i < s.Length && i < voice.Length; i++)
                {
                    double v = voice[i], o = output[s.Start + i], m = mic[s.Start + i];
                    voiceEnergy += v * v;
                    errorEnergy += (o - v) * (o - v);
                    mixErrorEnergy += (m - v) * (m - v);
                    projection += o * v;
                    outEnergy += o * o;
                }

                var path = $"{id:000}_{clipIndex++:00000}.wav";
                WavFile.Write(Path.Combine(outDir, path), WavFormat.Float32(SampleRate, 1), output.AsSpan(s.Start, s.Length));
                manifest.Append(CultureInfo.InvariantCulture, $"{path},{s.Label},{s.Speaker}\n");
            }

            double streamMic = 0, streamOut = 0;
            for (var i = settleSamples; i < mic.Length; i++)
            {
                if (speech[i]) continue;
                streamMic += mic[i] * (double)mic[i];
                streamOut += output[i] * (double)output[i];
            }

            gapMic += streamMic;
            gapOut += streamOut;
            if (args.Contains("--save-streams")) WavFile.Write(Path.Combine(outDir, $"stream{id:000}.wav"), WavFormat.Float32(SampleRate, 1), output);
            if (args.Contains("--verbose"))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"stream {id}: ERLE {10 * Math.Log10(streamMic / Math.Max(streamOut, 1e-20)):F1} dB, delay {(delayErrors.Count > 0 ? delayErrors[^1] : double.NaN):F1} ms off, drift {(driftErrors.Count > 0 ? driftErrors[^1] : double.NaN):F1} ppm off, resets so far {resets}"));
            }
        }

        Console.Error.WriteLine();
        File.WriteAllText(Path.Combine(outDir, "manifest.csv"), manifest.ToString());
        var erle = 10 * Math.Log10(gapMic / Math.Max(gapOut, 1e-20));
        var sdr = 10 * Math.Log10(voiceEnergy / Math.Max(errorEnergy, 1e-20));
        var sdrMixed = 10 * Math.Log10(voiceEnergy / Math.Max(mixErrorEnergy, 1e-20));
        var sdrHigh = 10 * Math.Log10(voiceHigh / Math.Max(errorHigh, 1e-20));
        var sdrHighMixed = 10 * Math.Log10(voiceHigh / Math.Max(mixErrorHigh, 1e-20));
        var voiceGain = 20 * Math.Log10(Math.Max(projection / voiceEnergy, 1e-6));
        // Wall time per 100 ms of audio, and CPU time of the process (robust to a busy machine).
        var costPer100Ms = audioSeconds > 0 ? processSeconds * 1000 / (audioSeconds * 10) : 0;
        var cpuPer100Ms = audioSeconds > 0 ? cpuSeconds * 1000 / (audioSeconds * 10) : 0;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"engine={engine}{(options.ResidualEchoSuppression ? $"+res({options.ResidualNoiseSuppressionDb}/{options.ResidualEchoSuppressionDb}/{options.ResidualEchoSuppressionActiveDb})" : "")}{(cold ? " cold" : "")} frame={options.FrameSamples} filter={options.FilterMilliseconds}ms drift={(options.TrackDrift ? "on" : "off")} clips={segments.Count} " +
            $"ERLE={erle:F1}dB voiceSDR={sdr:F1}dB (mixed {sdrMixed:F1}dB) voiceSDR>300Hz={sdrHigh:F1}dB (mixed {sdrHighMixed:F1}dB) voiceGain={voiceGain:F2}dB cost={costPer100Ms:F3}ms/100ms cpu={cpuPer100Ms:F3}ms/100ms resets={resets}");
        if (delayErrors.Count > 0)
        {
            var abs = delayErrors.Select(Math.Abs).Order().ToList();
            line += string.Create(CultureInfo.InvariantCulture,
                $" delayErr(median/max)={abs[abs.Count / 2]:F1}/{abs[^1]:F1}ms driftErr(median/max)={driftErrors.Select(Math.Abs).Order().ElementAt(driftErrors.Count / 2):F1}/{driftErrors.Select(Math.Abs).Max():F1}ppm");
        }

        Console.WriteLine(line);
        File.AppendAllText(Path.Combine(outDir, "summary.txt"), line + "\n");
        return 0;
    }

    /// <summary>2nd-order Butterworth high-pass at 300 Hz (bilinear transform), from rest.</summary>
    private static float[] HighPass300(ReadOnlySpan<float> x)
    {
        var k = Math.Tan(Math.PI * 300 / SampleRate);
        var norm = 1 / (1 + Math.Sqrt(2) * k + k * k);
        double b0 = norm, b1 = -2 * norm, b2 = norm;
        double a1 = 2 * (k * k - 1) * norm, a2 = (1 - Math.Sqrt(2) * k + k * k) * norm;
        var y = new float[x.Length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = b0 * x[i] + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1; x1 = x[i]; y2 = y1; y1 = v;
            y[i] = (float)v;
        }

        return y;
    }

    private static Dictionary<int, (double DelayMs, double DriftPpm)> ReadRooms(string path)
    {
        var rooms = new Dictionary<int, (double, double)>();
        if (!File.Exists(path)) return rooms;
        foreach (var f in File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')))
        {
            rooms[int.Parse(f[0], CultureInfo.InvariantCulture)] =
                (double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
        }

        return rooms;
    }
}
