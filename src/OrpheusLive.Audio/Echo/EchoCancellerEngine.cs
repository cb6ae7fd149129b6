namespace OrpheusLive.Audio.Echo;

/// <summary>Which adaptive filter <see cref="EchoCanceller"/> runs once the reference is aligned.</summary>
public enum EchoCancellerEngine
{
    /// <summary>SpeexDSP's MDF canceller (libspeexdsp1) by P/Invoke; passthrough with a warning when the library is missing.</summary>
    Speex,

    /// <summary>The project's own partitioned-block frequency-domain adaptive filter (<see cref="PartitionedBlockEchoEngine"/>), no native code.</summary>
    Fdaf,
}
