namespace OrpheusLive.Core.Pipeline;

/// <summary>
/// Sees each window <see cref="ClipAnalyzer"/> scores: its audio (valid during the call only) and its analysis (the
/// model's probabilities in <see cref="WindowEvent.Scores"/>). <c>eval --session</c> uses it to calibrate per window.
/// </summary>
/// <param name="window">The window's 16 kHz mono samples.</param>
/// <param name="result">The window's analysis.</param>
public delegate void ClipWindowObserver(ReadOnlySpan<float> window, WindowEvent result);
