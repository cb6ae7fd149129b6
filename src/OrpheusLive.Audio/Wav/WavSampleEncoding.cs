namespace OrpheusLive.Audio.Wav;

/// <summary>How samples are stored in a WAV data chunk.</summary>
public enum WavSampleEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, 16/24/32-bit signed little-endian.</summary>
    Pcm,

    /// <summary>IEEE float, 32 or 64 bits.</summary>
    IeeeFloat,

    /// <summary>G.711 A-law, 8 bits.</summary>
    ALaw,

    /// <summary>G.711 µ-law, 8 bits.</summary>
    MuLaw,
}
