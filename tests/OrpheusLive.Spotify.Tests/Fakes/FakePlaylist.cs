namespace OrpheusLive.Spotify.Tests.Fakes;

/// <summary>A playlist in the fake account's library (owned or followed).</summary>
public sealed record FakePlaylist(string Id, string Name, int Tracks = 12, string OwnerId = "testlistener", string OwnerName = "Test Listener", bool Collaborative = false, bool Public = false)
{
    public string Uri => $"spotify:playlist:{Id}";
}
