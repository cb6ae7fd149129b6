namespace OrpheusLive.Mpris;

/// <summary>What plays, as MPRIS <c>Metadata</c> shows it.</summary>
/// <param name="Number">Increases with every new track (mood, target or title changed); makes <c>mpris:trackid</c> unique.</param>
/// <param name="Title">What plays (<c>xesam:title</c>): the track title when the player knows it, else the file, folder or URI.</param>
/// <param name="Mood">The mood it plays for (<c>xesam:album</c> and <c>xesam:genre</c>).</param>
/// <param name="Target">The URI, folder or file that was started.</param>
internal sealed record MprisTrack(long Number, string Title, string Mood, string Target)
{
    /// <summary>The <c>mpris:trackid</c> object path.</summary>
    public string TrackId => MprisNames.TrackPathPrefix + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
