namespace OrpheusLive.Audio.Echo;

/// <summary>
/// <c>Audio:EchoCancel</c>: whether the microphone runs through the <see cref="EchoCanceller"/> against what the app
/// itself plays, and with which engine.
/// </summary>
public enum EchoCancelMode
{
    /// <summary>
    /// On whenever a reference exists: the microphone is listened to and the built-in player plays on this machine
    /// (or <c>Audio:EchoReferenceMonitor</c> names the monitor of the sink the music plays to). SpeexDSP, or the own
    /// FDAF when libspeexdsp is missing.
    /// </summary>
    Auto,

    /// <summary>Never: the microphone is used as it is.</summary>
    Off,

    /// <summary>On with SpeexDSP's MDF (a warning and no cancellation when libspeexdsp1 is missing).</summary>
    Speex,

    /// <summary>On with the own frequency-domain adaptive filter (no native library).</summary>
    Fdaf,
}
