using System.Text;

namespace OrpheusLive.Tui.Live;

/// <summary>A horizontal bar in whole and eighth cells ("█████▍░░░"), the filled and the empty part apart so they can be drawn in different tones.</summary>
public static class TextBar
{
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

    /// <summary>The filled part of a bar of <paramref name="width"/> cells for <paramref name="fraction"/> (0–1), and the empty part.</summary>
    public static (string Filled, string Empty) Render(double fraction, int width)
    {
        if (width <= 0)
        {
            return ("", "");
        }

        var eighths = (int)Math.Round(Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1) * width * 8);
        var full = eighths / 8;
        var builder = new StringBuilder(width);
        builder.Append('█', full);
        var partial = full < width ? Eighths[eighths % 8] : "";
        builder.Append(partial);
        var used = full + partial.Length;
        return (builder.ToString(), new string('░', width - used));
    }
}
