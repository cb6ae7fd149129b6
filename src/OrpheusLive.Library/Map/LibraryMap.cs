using OrpheusLive.Core.Moods;
using OrpheusLive.Library.Storage;
using ScottPlot;
using SkiaSharp;

namespace OrpheusLive.Library.Map;

/// <summary>
/// The picture of the library (ScottPlot): on the left the tracks in the valence–arousal plane, coloured by mood, over
/// shaded mood regions (each point of the plane tinted by its nearest mood) with the mood points labelled; on the right
/// the PCA map of the standardised features, coloured by k-means cluster with each cluster's convex hull shaded.
/// Written as PNG or SVG by the file's extension.
/// </summary>
public static class LibraryMap
{
    private const int RegionCells = 40;

    /// <summary>Renders <paramref name="tracks"/> to <paramref name="path"/> (.png or .svg), atomically.</summary>
    /// <param name="tracks">The library's tracks (failed ones are skipped).</param>
    /// <param name="path">The output file.</param>
    /// <param name="plane">Mood points; <see cref="MoodPlane.Default"/> when null.</param>
    /// <param name="width">Pixels.</param>
    /// <param name="height">Pixels.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Render(IReadOnlyList<TrackRecord> tracks, string path, MoodPlane? plane = null, int width = 1600, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg")) throw new ArgumentException($"'{path}': the map is written as .png or .svg.", nameof(path));
        plane ??= MoodPlane.Default;
        var analysed = tracks.Where(t => t.Status == TrackStatus.Analysed && t.Valence is not null && t.Arousal is not null).ToList();

        var multiplot = new Multiplot(MoodPlot(analysed, plane));
        multiplot.Subplots.Add(ClusterPlot(analysed));
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var temporary = path + ".tmp";
        var rect = new PixelRect(0, width, height, 0);
        using (var file = File.Create(temporary))
        {
            if (extension == ".png")
            {
                using var surface = SKSurface.Create(new SKImageInfo(width, height));
                surface.Canvas.Clear(SKColors.White);
                multiplot.Render(surface.Canvas, rect);
                using var image = surface.Snapshot();
                using var data = image.Encode(SKEncodedImageFormat.Png, 100);
                data.SaveTo(file);
            }
            else
            {
                using var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), file);
                multiplot.Render(canvas, rect);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static Plot MoodPlot(List<TrackRecord> tracks, MoodPlane plane)
    {
        var plot = new Plot();
        var moods = plane.Moods;
        var colors = moods.Select((m, i) => (m, new ScottPlot.Palettes.Category10().GetColor(i))).ToDictionary(p => p.m, p => p.Item2, StringComparer.OrdinalIgnoreCase);

        // mood regions: each cell tinted by the mood nearest to its centre
        const double step = 2.0 / RegionCells;
        for (var i = 0; i < RegionCells; i++)
        {
            for (var j = 0; j < RegionCells; j++)
            {
                double x = -1 + i * step, y = -1 + j * step;
                var mood = plane.NearestMood(new AffectPoint(x + step / 2, y + step / 2));
                if (mood is null) continue;
                var cell = plot.Add.Rectangle(x, x + step, y, y + step);
                cell.FillColor = colors[mood].WithAlpha(0.12);
                cell.LineWidth = 0;
            }
        }
        plot.Add.VerticalLine(0, 1, Colors.Gray.WithAlpha(0.6));
        plot.Add.HorizontalLine(0, 1, Colors.Gray.WithAlpha(0.6));

        foreach (var mood in moods)
        {
            var own = tracks.Where(t => string.Equals(t.Mood, mood, StringComparison.OrdinalIgnoreCase)).ToList();
            var scatter = plot.Add.ScatterPoints(own.Select(t => t.Valence!.Value).ToArray(), own.Select(t => t.Arousal!.Value).ToArray(), colors[mood]);
            scatter.MarkerSize = 8;
            scatter.LegendText = $"{mood} ({own.Count})";
            var point = plane.PointOf(mood)!.Value;
            var marker = plot.Add.Marker(point.Valence, point.Arousal, MarkerShape.OpenDiamond, 16, colors[mood].Darken(0.3));
            marker.LineWidth = 2;
            var label = plot.Add.Text(mood, point.Valence, point.Arousal);
            label.LabelFontSize = 14;
            label.LabelBold = true;
            label.LabelFontColor = colors[mood].Darken(0.4);
            label.OffsetY = -12;
        }
        var others = tracks.Where(t => t.Mood is null || !colors.ContainsKey(t.Mood)).ToList();
        if (others.Count > 0)
        {
            var rest = plot.Add.ScatterPoints(others.Select(t => t.Valence!.Value).ToArray(), others.Select(t => t.Arousal!.Value).ToArray(), Colors.Gray);
            rest.LegendText = $"other ({others.Count})";
        }

        plot.Title($"Tracks by mood ({tracks.Count})");
        plot.XLabel("valence (unpleasant → pleasant)");
        plot.YLabel("arousal (calm → energetic)");
        plot.Axes.SetLimits(-1.05, 1.05, -1.05, 1.05);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        return plot;
    }

    private static Plot ClusterPlot(List<TrackRecord> tracks)
    {
        var plot = new Plot();
        var mapped = tracks.Where(t => t.Cluster is not null && t.MapX is not null && t.MapY is not null).ToList();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var group in mapped.GroupBy(t => t.Cluster!.Value).OrderBy(g => g.Key))
        {
            var color = palette.GetColor(group.Key);
            var points = group.Select(t => new Coordinates(t.MapX!.Value, t.MapY!.Value)).ToArray();
            var hull = ConvexHull.Of(points);
            if (hull.Length >= 3)
            {
                var region = plot.Add.Polygon(hull);
                region.FillColor = color.WithAlpha(0.15);
                region.LineColor = color.WithAlpha(0.5);
                region.LineWidth = 1;
            }
            var scatter = plot.Add.ScatterPoints(points, color);
            scatter.MarkerSize = 8;
            scatter.LegendText = $"cluster {group.Key + 1} ({group.Count()})";
        }
        plot.Title(mapped.Count == 0 ? "Clusters (not clustered yet)" : $"Clusters of the standardised features (k = {mapped.Select(t => t.Cluster).Distinct().Count()})");
        plot.XLabel("principal component 1");
        plot.YLabel("principal component 2");
        plot.Legend.IsVisible = mapped.Count > 0;
        plot.Legend.Alignment = Alignment.LowerRight;
        return plot;
    }
}
