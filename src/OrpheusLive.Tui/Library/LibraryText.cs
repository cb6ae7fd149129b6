using System.Globalization;
using OrpheusLive.Tui.Live;

namespace OrpheusLive.Tui.Library;

/// <summary>The library view's texts: the mood list's entries and the track table's fixed-width rows.</summary>
public static class LibraryText
{
    /// <summary>What an empty library says (and how to fill it).</summary>
    public const string Empty = "The library is empty. Fill it with: orpheus library scan DIR (then press l again).";

    /// <summary>The mood list's first entry: every track.</summary>
    public const string AllMoods = "all";

    /// <summary>Shown for a track that could not be analysed (no mood).</summary>
    public const string NotAnalysed = "(failed)";

    /// <summary>The track table's header, aligned with <see cref="Row"/>.</summary>
    public static string Header(int nameWidth) => $"{PanelView.Fit("Track", nameWidth).PadRight(nameWidth)} {"Mood",-12} {"BPM",5} {"Val",6} {"Aro",6}";

    /// <summary>One track as a table row: name (cut to <paramref name="nameWidth"/>), mood, tempo, valence, arousal.</summary>
    public static string Row(LibraryTrack track, int nameWidth)
    {
        ArgumentNullException.ThrowIfNull(track);
        return string.Create(CultureInfo.InvariantCulture,
            $"{PanelView.Fit(track.Name, nameWidth).PadRight(nameWidth)} {PanelView.Fit(track.Mood ?? NotAnalysed, 12),-12} {Number(track.TempoBpm, "0"),5} {Number(track.Valence, "+0.00;-0.00"),6} {Number(track.Arousal, "+0.00;-0.00"),6}");
    }

    /// <summary>The moods on offer with their track counts, "all" first, then by name; unanalysed tracks count only under "all".</summary>
    public static IReadOnlyList<(string? Mood, string Label)> Moods(IReadOnlyList<LibraryTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var moods = tracks.Where(t => t.Mood is not null)
            .GroupBy(t => t.Mood!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ((string?)g.Key, $"{g.Key} ({g.Count()})"));
        return [(null, $"{AllMoods} ({tracks.Count})"), .. moods];
    }

    private static string Number(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
}
