namespace OrpheusLive.Spotify.Api;

/// <summary>The player error reasons this app reacts to (the <c>reason</c> field of Spotify's error object).</summary>
public static class SpotifyErrorReasons
{
    /// <summary>No device is active and none was named.</summary>
    public const string NoActiveDevice = "NO_ACTIVE_DEVICE";

    /// <summary>The account is not Premium; playback control is refused.</summary>
    public const string PremiumRequired = "PREMIUM_REQUIRED";
}
