namespace OrpheusLive.Spotify.Auth;

/// <summary>Opens a URL in the user's browser (replaced in tests by a scripted "browser").</summary>
public interface IBrowserLauncher
{
    /// <summary>Tries to open <paramref name="url"/>; returns false when no browser could be started. Never throws.</summary>
    bool TryOpen(Uri url);
}
