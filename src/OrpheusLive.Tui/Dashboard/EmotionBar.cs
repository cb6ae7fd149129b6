namespace OrpheusLive.Tui.Dashboard;

/// <summary>One emotion's probability in the current window.</summary>
/// <param name="Label">The emotion name.</param>
/// <param name="Fraction">Probability, 0..1 (clamped).</param>
/// <param name="Percent">The probability as text ("62%").</param>
/// <param name="IsTop">True for the window's most likely emotion.</param>
public sealed record EmotionBar(string Label, double Fraction, string Percent, bool IsTop);
