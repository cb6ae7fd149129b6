using Tmds.DBus.Protocol;

namespace OrpheusLive.Mpris;

/// <summary>The property values of both MPRIS interfaces, as D-Bus variants.</summary>
internal static class MprisProperties
{
    /// <summary>The root interface's properties: fixed for the life of the app.</summary>
    public static IReadOnlyList<KeyValuePair<string, VariantValue>> Root { get; } =
    [
        new("CanQuit", VariantValue.Bool(false)), // quitting belongs to the terminal that runs OrpheusLive
        new("CanRaise", VariantValue.Bool(false)),
        new("HasTrackList", VariantValue.Bool(false)),
        new("Identity", VariantValue.String(MprisNames.Identity)),
        new("SupportedUriSchemes", VariantValue.Array(Array.Empty<string>())),
        new("SupportedMimeTypes", VariantValue.Array(Array.Empty<string>())),
    ];

    /// <summary>The names of the player properties that change with the pipeline state.</summary>
    public static IReadOnlyList<string> Changing { get; } = ["PlaybackStatus", "Metadata", "CanPlay", "CanPause", "CanGoNext"];

    /// <summary>All the player interface's properties for <paramref name="snapshot"/>.</summary>
    public static IEnumerable<KeyValuePair<string, VariantValue>> Player(MprisSnapshot snapshot)
    {
        foreach (var name in Changing)
        {
            yield return new(name, Value(name, snapshot));
        }

        yield return new("CanGoPrevious", VariantValue.Bool(false));
        yield return new("CanSeek", VariantValue.Bool(false));
        yield return new("CanControl", VariantValue.Bool(true));
        yield return new("Rate", VariantValue.Double(1.0));
        yield return new("MinimumRate", VariantValue.Double(1.0));
        yield return new("MaximumRate", VariantValue.Double(1.0));
        yield return new("Volume", VariantValue.Double(1.0)); // the player's own volume is not OrpheusLive's to report
        yield return new("Position", VariantValue.Int64(0)); // not tracked: CanSeek is false
    }

    /// <summary>All properties of <paramref name="interfaceName"/>, or null for an interface this object does not have.</summary>
    public static IEnumerable<KeyValuePair<string, VariantValue>>? Of(string interfaceName, MprisSnapshot snapshot) => interfaceName switch
    {
        MprisNames.RootInterface => Root,
        MprisNames.PlayerInterface => Player(snapshot),
        _ => null,
    };

    /// <summary>The changing player properties whose value differs between two snapshots.</summary>
    public static List<KeyValuePair<string, VariantValue>> Changed(MprisSnapshot before, MprisSnapshot after)
    {
        var changed = new List<KeyValuePair<string, VariantValue>>();
        AddIf(before.PlaybackStatus != after.PlaybackStatus, "PlaybackStatus");
        AddIf(before.Track != after.Track, "Metadata");
        AddIf(before.CanPlay != after.CanPlay, "CanPlay");
        AddIf(before.CanPause != after.CanPause, "CanPause");
        AddIf(before.CanGoNext != after.CanGoNext, "CanGoNext");
        return changed;

        void AddIf(bool differs, string name)
        {
            if (differs)
            {
                changed.Add(new(name, Value(name, after)));
            }
        }
    }

    private static VariantValue Value(string name, MprisSnapshot s) => name switch
    {
        "PlaybackStatus" => VariantValue.String(s.PlaybackStatus),
        "Metadata" => Metadata(s.Track),
        "CanPlay" => VariantValue.Bool(s.CanPlay),
        "CanPause" => VariantValue.Bool(s.CanPause),
        "CanGoNext" => VariantValue.Bool(s.CanGoNext),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a changing player property"),
    };

    /// <summary>
    /// <c>mpris:trackid</c>, <c>xesam:title</c> (what plays), and the mood as <c>xesam:album</c> (what status bars show
    /// beside the title) and <c>xesam:genre</c>. The players report no artist, so <c>xesam:artist</c> is left out.
    /// </summary>
    private static VariantValue Metadata(MprisTrack? track)
    {
        var metadata = new Dict<string, VariantValue>();
        if (track is null)
        {
            metadata.Add("mpris:trackid", VariantValue.ObjectPath(new ObjectPath(MprisNames.NoTrack)));
            return metadata.AsVariantValue();
        }

        metadata.Add("mpris:trackid", VariantValue.ObjectPath(new ObjectPath(track.TrackId)));
        metadata.Add("xesam:title", VariantValue.String(track.Title));
        metadata.Add("xesam:album", VariantValue.String(track.Mood));
        metadata.Add("xesam:genre", VariantValue.Array(new[] { track.Mood }));
        return metadata.AsVariantValue();
    }
}
