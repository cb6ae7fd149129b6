namespace OrpheusLive.Library.Analysis;

/// <summary>
/// Key and mode by the Krumhansl–Schmuckler algorithm: the track's pitch-class distribution (mean chroma) is
/// correlated with the Krumhansl–Kessler major and minor key profiles (Krumhansl &amp; Kessler 1982; Krumhansl 1990,
/// "Cognitive Foundations of Musical Pitch") rotated to each of the 12 tonics; the best correlation names the key.
/// </summary>
internal static class KeyEstimator
{
    /// <summary>Krumhansl–Kessler probe-tone ratings for C major (C, C♯, …, B).</summary>
    internal static readonly double[] MajorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];

    /// <summary>Krumhansl–Kessler probe-tone ratings for C minor.</summary>
    internal static readonly double[] MinorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

    /// <summary>
    /// The best key: <c>Tonic</c> 0–11 (C = 0), <c>Major</c>, <c>Clarity</c> (its correlation, −1…1: MIRtoolbox's
    /// "key clarity") and <c>Majorness</c> (best major minus best minor correlation: positive leans major).
    /// </summary>
    public static (int Tonic, bool Major, double Clarity, double Majorness) Estimate(ReadOnlySpan<double> chroma)
    {
        if (chroma.Length != 12) throw new ArgumentException("Chroma needs 12 pitch classes.", nameof(chroma));
        double bestMajor = double.NegativeInfinity, bestMinor = double.NegativeInfinity;
        int majorTonic = 0, minorTonic = 0;
        for (var tonic = 0; tonic < 12; tonic++)
        {
            var major = Correlation(chroma, MajorProfile, tonic);
            var minor = Correlation(chroma, MinorProfile, tonic);
            if (major > bestMajor) (bestMajor, majorTonic) = (major, tonic);
            if (minor > bestMinor) (bestMinor, minorTonic) = (minor, tonic);
        }
        return bestMajor >= bestMinor
            ? (majorTonic, true, bestMajor, bestMajor - bestMinor)
            : (minorTonic, false, bestMinor, bestMajor - bestMinor);
    }

    /// <summary>Pearson correlation of <paramref name="chroma"/> with <paramref name="profile"/> rotated so its tonic is <paramref name="tonic"/>.</summary>
    private static double Correlation(ReadOnlySpan<double> chroma, double[] profile, int tonic)
    {
        double mc = 0, mp = 0;
        for (var i = 0; i < 12; i++)
        {
            mc += chroma[i];
            mp += profile[i];
        }
        mc /= 12;
        mp /= 12;
        double num = 0, dc = 0, dp = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = chroma[i] - mc;
            var p = profile[((i - tonic) % 12 + 12) % 12] - mp;
            num += c * p;
            dc += c * c;
            dp += p * p;
        }
        return dc <= 0 || dp <= 0 ? 0 : num / Math.Sqrt(dc * dp);
    }
}
