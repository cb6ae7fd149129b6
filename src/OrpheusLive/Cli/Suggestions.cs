namespace OrpheusLive.Cli;

/// <summary>"Did you mean …?": the known name nearest to a mistyped one (case-insensitive edit distance).</summary>
public static class Suggestions
{
    /// <summary>
    /// The entry of <paramref name="known"/> nearest to <paramref name="typed"/>, or null when none is close enough to be
    /// a typo (at most a third of the typed length, and at least 2, edits away).
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var limit = Math.Max(2, typed.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>" (did you mean X?)" when there is a nearest name, else empty: ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> known) =>
        Nearest(typed, known) is { } nearest ? $" (did you mean {nearest}?)" : string.Empty;

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
