using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrpheusLive.Audio.Decoding;
using OrpheusLive.Core.Moods;
using OrpheusLive.Core.Playback;
using OrpheusLive.Library;
using OrpheusLive.Library.Playback;
using OrpheusLive.Storage;

namespace OrpheusLive.Hosting;

/// <summary>The music library (issue #11): its options and the one opened <see cref="MusicLibrary"/>.</summary>
public static class LibraryServiceCollectionExtensions
{
    /// <summary>
    /// <c>Library:*</c> bound and validated at start (<c>Library:Database</c> defaults to <see cref="UserPaths.LibraryDatabase"/>),
    /// the <see cref="MoodTrackPicker"/> the built-in player plays moods from (<see cref="IMoodTracks"/>),
    /// and the <see cref="MusicLibrary"/> over the app's decoder and the mapping's moods, opened on first use (a
    /// <see cref="Lazy{T}"/> for commands that may not need it) and closed with the host.
    /// </summary>
    public static IServiceCollection AddMusicLibrary(this IServiceCollection services)
    {
        services.AddValidatedOptions<LibraryOptions>(LibraryOptions.Section, o => o.Problems());
        services.PostConfigure<LibraryOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.Database)) o.Database = UserPaths.LibraryDatabase;
        });
        services.AddSingleton(sp => MusicLibrary.Open(
            sp.GetRequiredService<IOptions<LibraryOptions>>().Value,
            sp.GetRequiredService<IAudioDecoder>(),
            MoodPlane.Default,
            [.. sp.GetRequiredService<IMoodMapStore>().Current.Moods.Keys],
            TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new Lazy<MusicLibrary>(sp.GetRequiredService<MusicLibrary>));
        services.AddSingleton<IMoodTracks>(sp =>
        {
            var library = sp.GetRequiredService<Lazy<MusicLibrary>>();
            var options = sp.GetRequiredService<IOptions<LibraryOptions>>().Value;
            // Never scanned: no database is created just because a mood had no local music.
            return new MoodTrackPicker(mood => MusicLibrary.Exists(options) ? library.Value.NearestTo(mood) : [], options,
                logger: sp.GetRequiredService<ILogger<MoodTrackPicker>>());
        });
        return services;
    }
}
