namespace OrpheusLive.Core.Emotions;

/// <summary>Decides whether a window contains speech, so silence and noise never change the music.</summary>
public interface ISpeechDetector
{
    /// <summary>
    /// Returns the fraction of the window judged to be speech (0..1). The window is 16 kHz mono.
    /// Implementations may keep state between consecutive windows.
    /// </summary>
    float SpeechFraction(ReadOnlySpan<float> window);
}
