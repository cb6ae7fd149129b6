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

    /// <summary>Files with more channels are refused (8 = 7.1, the largest common music layout).</summary>
    public int MaxChannels { get; init; } = 8;

    /// <summary>Files above this rate are refused (384 kHz: the highest rate music is sold at).</summary>
    public int MaxSourceSampleRate { get; init; } = 384_000;

    /// <summary>Files below this rate are refused (8 kHz: telephone quality, nothing to analyse above 4 kHz).</summary>
    public int MinSourceSampleRate { get; init; } = 8_000;

    /// <summary>Throws when a value is out of range (names the setting).</summary>
    public void Validate()
    {
        if (SampleRate is < 8_000 or > 96_000) throw new ArgumentException($"Library:Analysis:SampleRate is {SampleRate}; use 8000–96000 Hz.");
        if (FrameSize < 256 || (FrameSize & (FrameSize - 1)) != 0) throw new ArgumentException($"Library:Analysis:FrameSize is {FrameSize}; use a power of two ≥ 256.");
        if (HopSize < 64 || HopSize > FrameSize) throw new ArgumentException($"Library:Analysis:HopSize is {HopSize}; use 64…FrameSize.");
        if (SegmentSeconds is < 5 or > 120) throw new ArgumentException($"Library:Analysis:SegmentSeconds is {SegmentSeconds}; use 5–120 s.");
        if (MinSeconds is < 0.1 or > 60) throw new ArgumentException($"Library:Analysis:MinSeconds is {MinSeconds}; use 0.1–60 s.");
        if (MaxChannels < 1) throw new ArgumentException($"Library:Analysis:MaxChannels is {MaxChannels}; use at least 1.");
    }

    /// <summary>Frames per second of the frame-level features.</summary>
    public double FrameRate => SampleRate / (double)HopSize;
}
