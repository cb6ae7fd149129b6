using ScottPlot;

namespace OrpheusLive.Library.Map;

/// <summary>The convex hull of points (Andrew's monotone chain), for shading a cluster's region.</summary>
internal static class ConvexHull
{
    /// <summary>The hull's corners in counter-clockwise order (fewer than 3 for degenerate input).</summary>
    public static Coordinates[] Of(IReadOnlyList<Coordinates> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        if (sorted.Length < 3) return sorted;
        var hull = new Coordinates[2 * sorted.Length];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0) k--;
            hull[k++] = p;
        }
        for (int i = sorted.Length - 2, lower = k + 1; i >= 0; i--)
        {
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], sorted[i]) <= 0) k--;
            hull[k++] = sorted[i];
        }
        return hull[..(k - 1)];
    }

    private static double Cross(Coordinates o, Coordinates a, Coordinates b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
}
