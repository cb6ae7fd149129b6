namespace OrpheusLive.Audio.Wav;

/// <summary>Why a WAV file could not be read.</summary>
public enum WavErrorKind
{
    /// <summary>The file is not a well-formed RIFF/WAVE file (wrong magic, missing or broken chunks, empty).</summary>
    Invalid,

    /// <summary>The file is well-formed but uses a format this reader does not decode (ADPCM, 20-bit, 0 Hz, ...).</summary>
    Unsupported,

    /// <summary>The file ends before the sizes in its header say it should (cut-off download or recording).</summary>
    Truncated,
}
