using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;

namespace OrpheusLive.Hosting;

/// <summary>
/// The library's <see cref="IMoodTracks"/>, created on first use: the built-in player is built when the commands are
/// resolved, before the host validates <c>Library:*</c> at start, so reading the options then would throw past the
/// one-line error handling.
/// </summary>
/// <param name="create">Resolves the real picker; null when the host has no music library (then no mood has tracks).</param>
public sealed class DeferredMoodTracks(Func<IMoodTracks?> create) : IMoodTracks
{
    private readonly Lazy<IMoodTracks?> _tracks = new(create);

    /// <inheritdoc />
    public bool HasTracks(string mood) => _tracks.Value?.HasTracks(mood) ?? false;

    /// <inheritdoc />
    public string? Next(string mood, AffectPoint? aim = null) => _tracks.Value?.Next(mood, aim);
}
