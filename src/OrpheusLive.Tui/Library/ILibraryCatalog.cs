namespace OrpheusLive.Tui.Library;

/// <summary>
/// The user's music library as the dashboard's library view ([l]) reads it. The host implements it over its library
/// (so this project needs no database); <see cref="ListAsync"/> runs off the UI thread and may throw with a message
/// that says why the library cannot be read (shown as it is).
/// </summary>
public interface ILibraryCatalog
{
    /// <summary>Every track of the library (analysed or not), in the library's order.</summary>
    Task<IReadOnlyList<LibraryTrack>> ListAsync(CancellationToken cancellationToken);
}
