namespace OrpheusLive.Audio.Echo;

/// <summary>Raised by <see cref="IEchoCanceller.Diverged"/> when the adaptive filter made the capture louder and was reset.</summary>
/// <param name="CaptureSeconds">Capture time (seconds of audio processed) at which the reset happened.</param>
/// <param name="ResetCount">Resets for divergence since the canceller was created (1 on the first).</param>
/// <param name="OutputToCaptureDb">How much louder than the capture the output was when it was detected, in dB.</param>
public sealed record EchoDivergenceEventArgs(double CaptureSeconds, int ResetCount, double OutputToCaptureDb);
