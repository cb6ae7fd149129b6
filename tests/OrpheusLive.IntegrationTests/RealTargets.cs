using OrpheusLive.Audio.Playback;
using OrpheusLive.Core.Moods;
using OrpheusLive.Spotify.Playback;

namespace OrpheusLive.IntegrationTests;

/// <summary>The players' real target rules, as the app registers them: Spotify URIs and links, local folders.</summary>
internal static class RealTargets
{
    public static MoodTargetRules Rules { get; } = new([new SpotifyTargetValidator(), new LocalTargetValidator(new LocalPlayerOptions())]);
}
