using OrpheusLive.Audio.Decoding;
using OrpheusLive.Audio.Decoding.Formats;
using OrpheusLive.Audio.Wav;

namespace OrpheusLive.Library.Tests;

/// <summary>A real library in a scratch folder: a real SQLite file, real files, the app's decoder.</summary>
internal sealed class TestLibrary : IDisposable
{
    public TestLibrary(int parallelism = 2)
    {
        Music = Directory.CreateDirectory(Dir.File("music")).FullName;
        Options = new LibraryOptions { Database = Dir.File("data/library.db"), Parallelism = parallelism, MaxClusters = 4 };
        Library = MusicLibrary.Open(Options, Decoder);
    }

    public TempDirectory Dir { get; } = new();

    public string Music { get; }

    public LibraryOptions Options { get; }

    public AudioDecoder Decoder { get; } = new(AudioFormats.All());

    public MusicLibrary Library { get; private set; }

    /// <summary>Writes a generated track as WAV into the music folder.</summary>
    public string Add(string name, Synth synth) => synth.WriteWav(Path.Combine(Music, name));

    /// <summary>Writes raw interleaved audio as a WAV file.</summary>
    public string AddRaw(string name, int rate, int channels, float[] interleaved)
    {
        var path = Path.Combine(Music, name);
        WavFile.Write(path, WavFormat.Pcm(rate, channels), interleaved);
        return path;
    }

    public async Task<(Scanning.ScanSummary Summary, List<Scanning.ScanResult> Results)> ScanAsync(CancellationToken cancellationToken = default, params string[] folders)
    {
        var results = new List<Scanning.ScanResult>();
        var summary = await Library.ScanAsync(folders.Length == 0 ? [Music] : folders, null, results.Add, cancellationToken);
        return (summary, results);
    }

    /// <summary>Closes and opens the library again (a new process would).</summary>
    public void Reopen()
    {
        Library.Dispose();
        Library = MusicLibrary.Open(Options, Decoder);
    }

    public void Dispose()
    {
        Library.Dispose();
        Dir.Dispose();
    }
}
