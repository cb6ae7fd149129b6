namespace OrpheusLive.Audio.Sources;

/// <summary>What <see cref="WavFileSource"/> plays and how fast.</summary>
public sealed record WavFileSourceOptions
{
    /// <summary>The WAV file.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// True (the default) to deliver audio no faster than real time, like a microphone (live demo);
    /// false to deliver it as fast as it can be read (batch runs, tests, <c>--fast</c>).
    /// </summary>
    public bool PaceRealtime { get; init; } = true;

    /// <summary>Read a cut-off file up to where it ends instead of rejecting it (see <see cref="Wav.WavReadOptions.AllowTruncated"/>).</summary>
    public bool AllowTruncated { get; init; }

    /// <summary>Throws <see cref="Core.Audio.AudioSourceException"/> with a user-facing message when the options are unusable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new Core.Audio.AudioSourceException("No input file given: set Audio:Input to a WAV file.");
        if (Directory.Exists(Path)) throw new Core.Audio.AudioSourceException($"The input '{Path}' is a folder; expected a WAV file.");
        if (!File.Exists(Path)) throw new Core.Audio.AudioSourceException($"The input file '{Path}' does not exist.");
    }
}
