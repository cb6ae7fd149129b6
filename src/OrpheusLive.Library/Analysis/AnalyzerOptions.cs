namespace OrpheusLive.Library.Analysis;

/// <summary>How tracks are analysed. The defaults are those of librosa-based MIR practice at a music-appropriate rate.</summary>
public sealed record AnalyzerOptions
{
    /// <summary>The defaults.</summary>
    public static AnalyzerOptions Default { get; } = new();

    /// <summary>Rate the audio is analysed at (Hz): 22 050, librosa's default, keeps everything up to 11 kHz.</summary>
    public int SampleRate { get; init; } = 22_050;

    /// <summary>STFT frame (samples, a power of two): 2048 ≈ 93 ms at 22 050 Hz.</summary>
    public int FrameSize { get; init; } = 2048;

    /// <summary>STFT hop (samples): 512 ≈ 23 ms, 43 frames per second.</summary>
    public int HopSize { get; init; } = 512;

    /// <summary>Length of the segments features are aggregated over (tempo, onset rate, beat strength per segment).</summary>
    public double SegmentSeconds { get; init; } = 15;

    /// <summary>Tracks shorter than this are refused as too short to analyse.</summary>
    public double MinSeconds { get; init; } = 1;

    /// <summary>
    /// Files with more channels are refused (6 = 5.1). Issue #11 lists 8-channel files among the inputs a scan refuses:
    /// a music library is stereo, and a 7.1 film mix would be analysed as a downmix nobody listens to.
    /// </summary>
    public int MaxChannels { get; init; } = 6;

    /// <summary>
    /// Files above this rate are refused (96 kHz). Issue #11 lists 192 kHz files among the refused inputs: nothing is
    /// analysed above 11 kHz, and such files are usually mislabelled or test signals.
    /// </summary>
    public int MaxSourceSampleRate { get; init; } = 96_000;

    /// <summary>Files below this rate are refused (8 kHz: telephone quality, nothing to analyse above 4 kHz).</summary>
    public int MinSourceSampleRate { get; init; } = 8_000;

    /// <summary>Every invalid setting, one line each naming it (empty when valid).</summary>
    public IEnumerable<string> Problems()
    {
        if (SampleRate is < 8_000 or > 96_000) yield return $"Library:Analysis:SampleRate is {SampleRate}; use 8000–96000 Hz.";
        if (FrameSize < 256 || (FrameSize & (FrameSize - 1)) != 0) yield return $"Library:Analysis:FrameSize is {FrameSize}; use a power of two ≥ 256.";
        if (HopSize < 64 || HopSize > FrameSize) yield return $"Library:Analysis:HopSize is {HopSize}; use 64…FrameSize.";
        if (SegmentSeconds is < 5 or > 120) yield return $"Library:Analysis:SegmentSeconds is {SegmentSeconds}; use 5–120 s.";
        if (MinSeconds is < 0.1 or > 60) yield return $"Library:Analysis:MinSeconds is {MinSeconds}; use 0.1–60 s.";
        if (MaxChannels is < 1 or > 64) yield return $"Library:Analysis:MaxChannels is {MaxChannels}; use 1–64.";
        if (MinSourceSampleRate < 1000 || MaxSourceSampleRate < MinSourceSampleRate)
            yield return $"Library:Analysis:MinSourceSampleRate/MaxSourceSampleRate are {MinSourceSampleRate}/{MaxSourceSampleRate}; use 1000 ≤ min ≤ max.";
    }

    /// <summary>Throws an <see cref="ArgumentException"/> with the first of <see cref="Problems"/>.</summary>
    public void Validate()
    {
        if (Problems().FirstOrDefault() is { } problem) throw new ArgumentException(problem);
    }

    /// <summary>Frames per second of the frame-level features.</summary>
    public double FrameRate => SampleRate / (double)HopSize;
}
