using OrpheusLive.Core.Pipeline.State;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Mpris;

/// <summary>
/// The values of the player interface's changing properties, derived from one <see cref="PipelineState"/>. Pure: the
/// adapter compares two snapshots to know which properties to announce in <c>PropertiesChanged</c>.
/// </summary>
/// <param name="PlaybackStatus">"Playing", "Paused" or "Stopped" (nothing started yet).</param>
/// <param name="Track">What plays, or null.</param>
/// <param name="CanPlay">Whether Play can (re)start music: there is music to resume.</param>
/// <param name="CanPause">Whether Pause does something: there is music.</param>
/// <param name="CanGoNext">Whether Next skips: there is music.</param>
/// <param name="TrackCount">How many tracks were announced so far (the next one gets the next number, even after a stop).</param>
internal sealed record MprisSnapshot(string PlaybackStatus, MprisTrack? Track, bool CanPlay, bool CanPause, bool CanGoNext, long TrackCount)
{
    /// <summary>Before the first state: nothing plays.</summary>
    public static MprisSnapshot Initial { get; } = new("Stopped", null, false, false, false, 0);

    /// <summary>
    /// The snapshot for <paramref name="state"/>. The track keeps its number while mood, target and title stay the
    /// same (pausing does not make a new track) and gets the next number otherwise.
    /// </summary>
    public static MprisSnapshot From(PipelineState state, MprisSnapshot previous)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(previous);
        if (state.Playback.Playing is not { } playing)
        {
            return Initial with { TrackCount = previous.TrackCount };
        }

        var title = TitleOf(playing);
        var track = previous.Track is { } last && last.Mood == playing.Mood && last.Target == playing.Target && last.Title == title
            ? last
            : new MprisTrack(previous.TrackCount + 1, title, playing.Mood, playing.Target);
        return new MprisSnapshot(playing.IsPaused ? "Paused" : "Playing", track, CanPlay: true, CanPause: true, CanGoNext: true, track.Number);
    }

    /// <summary>The player's title, else the file or folder name, else the URI as it is.</summary>
    private static string TitleOf(NowPlaying playing)
    {
        if (!string.IsNullOrWhiteSpace(playing.Title))
        {
            return playing.Title;
        }

        if (playing.Target.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(playing.Target))
        {
            return playing.Target; // spotify:playlist:…, https://…
        }

        var name = Path.GetFileName(playing.Target.TrimEnd('/', '\\'));
        return name.Length > 0 ? name : playing.Target;
    }
}
