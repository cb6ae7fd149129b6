namespace OrpheusLive.Spotify.Auth;

/// <summary>The user is not (or no longer) logged in, or login failed. The message says what to do.</summary>
public class SpotifyAuthException(string message, Exception? innerException = null) : Exception(message, innerException);
